/** Key builders for letters (小红花来信) and each dream's books of published statements. */
export const letterKeys = {
  profile: (letterId: string) => ({ PK: `LETTER#${letterId}`, SK: 'PROFILE' }),
  /** Every letter of a dream on GSI1, newest first (the charity's and the admin's view). */
  ofDream: (dreamId: string, createdAt: string, letterId: string) => ({ GSI1PK: `DREAM#${dreamId}#LETTERS`, GSI1SK: `${createdAt}#${letterId}` }),
  ofDreamPartition: (dreamId: string) => `DREAM#${dreamId}#LETTERS`,
  /** On GSI2 while in review: the admins' queue; once published: the dream's public timeline. */
  reviewQueue: (createdAt: string, letterId: string) => ({ GSI2PK: 'LETTERS#IN_REVIEW', GSI2SK: `${createdAt}#${letterId}` }),
  queuePartition: 'LETTERS#IN_REVIEW',
  timeline: (dreamId: string, publishedAt: string, letterId: string) => ({ GSI2PK: `DREAM#${dreamId}#TIMELINE`, GSI2SK: `${publishedAt}#${letterId}` }),
  timelinePartition: (dreamId: string) => `DREAM#${dreamId}#TIMELINE`,
  letterIdOfIndexKey: (indexSortKey: string) => indexSortKey.slice(indexSortKey.lastIndexOf('#') + 1),
  /** A dream's letter count, last date and next due date (LetterSummary), on GSI1 by due date. */
  summary: (dreamId: string) => ({ PK: `DREAM#${dreamId}`, SK: 'LETTERS' }),
  dueIndex: (dueAt: string, dreamId: string) => ({ GSI1PK: 'LETTERS#DUE', GSI1SK: `${dueAt}#${dreamId}` }),
  duePartition: 'LETTERS#DUE',
  /** Where the dream's published statements stand: one item, moved by each published letter. */
  books: (dreamId: string) => ({ PK: `DREAM#${dreamId}`, SK: 'BOOKS' }),
};
