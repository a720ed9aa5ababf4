/**
 * Key builders for distributions. A recipient's item is keyed by its code's hash: the one lookup a
 * sign-off makes, and the item whose condition lets a code sign once. Counter items are partitions
 * of their own (like a dream's shards), so concurrent sign-offs spread their writes. The lists (a
 * dream's distributions, a distribution's recipients and its timeline) are on GSI1.
 */
export const distributionKeys = {
  profile: (distributionId: string) => ({ PK: `DIST#${distributionId}`, SK: 'PROFILE' }),
  ofDreamIndex: (dreamId: string, createdAt: string, distributionId: string) => ({
    GSI1PK: `DREAM#${dreamId}#DISTS`,
    GSI1SK: `${createdAt}#${distributionId}`,
  }),
  ofDreamPartition: (dreamId: string) => `DREAM#${dreamId}#DISTS`,
  distributionIdOfIndexKey: (indexSortKey: string) => indexSortKey.slice(indexSortKey.lastIndexOf('#') + 1),
  counter: (distributionId: string, index: number) => ({ PK: `DIST#${distributionId}#S${index}`, SK: 'COUNTER' }),
  recipient: (codeHash: string) => ({ PK: `SIGNCODE#${codeHash}`, SK: 'RECIPIENT' }),
  recipientIndex: (distributionId: string, recipientId: string) => ({ GSI1PK: `DIST#${distributionId}#RCPTS`, GSI1SK: recipientId }),
  recipientsPartition: (distributionId: string) => `DIST#${distributionId}#RCPTS`,
  signoff: (signoffId: string) => ({ PK: `SIGNOFF#${signoffId}`, SK: 'SIGNOFF' }),
  timelineIndex: (distributionId: string, signedAt: string, signoffId: string) => ({
    GSI1PK: `DIST#${distributionId}#SIGNOFFS`,
    GSI1SK: `${signedAt}#${signoffId}`,
  }),
  timelinePartition: (distributionId: string) => `DIST#${distributionId}#SIGNOFFS`,
  signoffIdOfIndexKey: (indexSortKey: string) => indexSortKey.slice(indexSortKey.lastIndexOf('#') + 1),
  staff: (distributionId: string, userId: string) => ({ PK: `DIST#${distributionId}`, SK: `STAFF#${userId}` }),
  staffPrefix: 'STAFF#',
};
