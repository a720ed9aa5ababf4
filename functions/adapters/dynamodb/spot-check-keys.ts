/**
 * Key builders for spot checks: one item per closed distribution (its draw and every call-back).
 * GSI1 lists the ones an admin still has to act on (sparse: the keys go once nothing is left).
 */
export const spotCheckKeys = {
  draw: (distributionId: string) => ({ PK: `SPOTCHECK#${distributionId}`, SK: 'DRAW' }),
  attention: (drawnAt: string, distributionId: string) => ({ GSI1PK: 'SPOTCHECKS#OPEN', GSI1SK: `${drawnAt}#${distributionId}` }),
  attentionPartition: 'SPOTCHECKS#OPEN',
  distributionIdOfIndexKey: (indexSortKey: string) => indexSortKey.slice(indexSortKey.lastIndexOf('#') + 1),
};
