/** Key builders for love-meal donations, each store's fund shards and its queue of funded meals. */
export const mealKeys = {
  donation: (donationId: string) => ({ PK: `DONATION#${donationId}`, SK: 'PROFILE' }),
  /** A donor's donations, newest first (GSI1). */
  byDonor: (donorId: string, createdAt: string, donationId: string) => ({ GSI1PK: `USER#${donorId}#DONATIONS`, GSI1SK: `${createdAt}#${donationId}` }),
  /** A store's funded meals and the fen they hold, spread over shards so no one item takes every payment. */
  fund: (storeId: string, shard: number) => ({ PK: `STORE#${storeId}#FUND#${shard}`, SK: 'FUND' }),
  /** One lot of a paid donation's meals in the store's queue: oldest first by when it was paid. */
  lot: (storeId: string, paidAt: string, donationId: string, lot: number) => ({ PK: `STORE#${storeId}#MEALS`, SK: `LOT#${paidAt}#${donationId}#${lot}` }),
  queue: (storeId: string) => `STORE#${storeId}#MEALS`,
  /** A meal pass spent (single use), kept until it would have expired anyway. */
  passUsed: (passId: string) => ({ PK: `MEALPASS#${passId}`, SK: 'USED' }),
  /** A worker's meals on one day. */
  workerDay: (workerId: string, day: string) => ({ PK: `USER#${workerId}`, SK: `MEALDAY#${day}` }),
  rosterRow: (employer: string, employeeNumber: string) => ({ PK: `ROSTER#${employer}`, SK: `ROW#${employeeNumber}` }),
  redemption: (redemptionId: string) => ({ PK: `REDEMPTION#${redemptionId}`, SK: 'PROFILE' }),
  /** A donation's redemptions (GSI2): where and when each of its meals was eaten. */
  byDonation: (donationId: string, createdAt: string, redemptionId: string) => ({
    GSI2PK: `DONATION#${donationId}#REDEMPTIONS`,
    GSI2SK: `${createdAt}#${redemptionId}`,
  }),
  donationRedemptions: (donationId: string) => `DONATION#${donationId}#REDEMPTIONS`,
  donorPartition: (donorId: string) => `USER#${donorId}#DONATIONS`,
  /** A store's redemptions, newest first (GSI1): today's list and the monthly statement. */
  byStore: (storeId: string, createdAt: string, redemptionId: string) => ({ GSI1PK: `STORE#${storeId}#REDEMPTIONS`, GSI1SK: `${createdAt}#${redemptionId}` }),
};
