/**
 * Promises: one item each, in a partition of its own; a dream's promises are listed on GSI1 by due
 * date (YYYY-MM-DD sorts as the calendar does).
 */
export const promiseKeys = {
  item: (promiseId: string) => ({ PK: `PROMISE#${promiseId}`, SK: 'PROMISE' }),
  dreamIndex: (dreamId: string, dueDate: string, promiseId: string) => ({ GSI1PK: promiseKeys.dreamPartition(dreamId), GSI1SK: `${dueDate}#${promiseId}` }),
  dreamPartition: (dreamId: string) => `DREAM#${dreamId}#PROMISES`,
};
