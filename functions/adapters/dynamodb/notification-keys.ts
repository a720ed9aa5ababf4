/** Key builders for a person's notifications (newest first) and their once-only markers. */
export const notificationKeys = {
  item: (userId: string, notificationId: string) => ({ PK: `USER#${userId}`, SK: `NOTIF#${notificationId}` }),
  prefix: 'NOTIF#',
  once: (userId: string, type: string, refId: string) => ({ PK: `USER#${userId}`, SK: `MARK#notif#${type}#${refId}` }),
};
