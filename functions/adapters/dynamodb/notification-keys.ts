/** Key builders for a person's notifications (newest first) and their once-only markers. */
export const notificationKeys = {
  item: (userId: string, notificationId: string) => ({ PK: `USER#${userId}`, SK: `NOTIF#${notificationId}` }),
  prefix: 'NOTIF#',
  /** The person's unread count and read-all watermark (`readUpTo`: every notification id ≤ it is read). */
  inbox: (userId: string) => ({ PK: `USER#${userId}`, SK: 'INBOX' }),
  once: (userId: string, type: string, refId: string) => ({ PK: `USER#${userId}`, SK: `MARK#notif#${type}#${refId}` }),
};
