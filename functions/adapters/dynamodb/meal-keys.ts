/** Key builders for love-meal donations, each store's fund shards and its queue of funded meals. */
export const mealKeys = {
  donation: (donationId: string) => ({ PK: `DONATION#${donationId}`, SK: 'PROFILE' }),
  /** A donor's donations, newest first (GSI1). */
  byDonor: (donorId: string, createdAt: string, donationId: string) => ({ GSI1PK: `USER#${donorId}#DONATIONS`, GSI1SK: `${createdAt}#${donationId}` }),
  /** A store's funded meals and the fen they hold, spread over shards so no one item takes every payment. */
  fund: (storeId: string, shard: number) => ({ PK: `STORE#${storeId}#FUND#${shard}`, SK: 'FUND' }),
  /** One paid donation's meals in the store's queue: oldest first by when it was paid. */
  lot: (storeId: string, paidAt: string, donationId: string) => ({ PK: `STORE#${storeId}#MEALS`, SK: `LOT#${paidAt}#${donationId}` }),
};
