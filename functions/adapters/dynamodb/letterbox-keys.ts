/** Key builders for a donor's letterbox (小红花来信): one entry per delivered letter and one counter item. */
export const letterboxKeys = {
  entry: (userId: string, letterId: string) => ({ PK: `USER#${userId}`, SK: `LETTERBOX#${letterId}` }),
  prefix: 'LETTERBOX#',
  /** The unread count, moved in the same transaction as each entry's delivery and reading. */
  counter: (userId: string) => ({ PK: `USER#${userId}`, SK: 'LETTERBOX' }),
};
