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
  /** A worker's meals in one period (a day, an ISO week or a month: rules.meals.workerPeriod). */
  workerPeriod: (workerId: string, period: string) => ({ PK: `USER#${workerId}`, SK: `MEALS#${period}` }),
  rosterRow: (employer: string, employeeNumber: string) => ({ PK: `ROSTER#${employer}`, SK: `ROW#${employeeNumber}` }),
  /** An employer's registration to its charity; GSI1 lists every employer, GSI2 one charity's, newest first. */
  employer: (name: string) => ({ PK: `EMPLOYER#${name}`, SK: 'CHARITY' }),
  employerListed: (charityId: string, registeredAt: string, name: string) => ({
    GSI1PK: 'EMPLOYERS',
    GSI1SK: `${registeredAt}#${name}`,
    GSI2PK: `CHARITY#${charityId}#EMPLOYERS`,
    GSI2SK: `${registeredAt}#${name}`,
  }),
  employers: 'EMPLOYERS',
  charityEmployers: (charityId: string) => `CHARITY#${charityId}#EMPLOYERS`,
  /** The employer's name from a listing's sort key (an ISO instant, then the name). */
  employerNameOf: (listedSortKey: string) => listedSortKey.slice(listedSortKey.indexOf('#') + 1),
  redemption: (redemptionId: string) => ({ PK: `REDEMPTION#${redemptionId}`, SK: 'PROFILE' }),
  /** A donation's redemptions (GSI2): where and when each of its meals was eaten. */
  byDonation: (donationId: string, createdAt: string, redemptionId: string) => ({
    GSI2PK: `DONATION#${donationId}#REDEMPTIONS`,
    GSI2SK: `${createdAt}#${redemptionId}`,
  }),
  donationRedemptions: (donationId: string) => `DONATION#${donationId}#REDEMPTIONS`,
  donorPartition: (donorId: string) => `USER#${donorId}#DONATIONS`,
  /** A suspended store's wind-up (refund or move of its unredeemed meals): the job, and its progress apart (the job's writes drive the stream). */
  windup: (storeId: string) => ({ PK: `STORE#${storeId}#WINDUP`, SK: 'JOB' }),
  windupProgress: (storeId: string) => ({ PK: `STORE#${storeId}#WINDUP`, SK: 'PROGRESS' }),
  /** A refund of one lot to its donor (WeChat Pay's out_refund_no is its id). */
  refund: (refundId: string) => ({ PK: `REFUND#${refundId}`, SK: 'PROFILE' }),
  /** One lot moved from a suspended store to another: the money's entry. */
  move: (fromStoreId: string, donationId: string, lot: number) => ({ PK: `MEALMOVE#${fromStoreId}#${donationId}#${lot}`, SK: 'MOVE' }),
  /** A store's payouts account (written only by an admin's payout, never by a scan or a payment). */
  payouts: (storeId: string) => ({ PK: `STORE#${storeId}#PAYOUTS`, SK: 'ACCOUNT' }),
  payout: (payoutId: string) => ({ PK: `PAYOUT#${payoutId}`, SK: 'PROFILE' }),
  /** A store's redemptions, newest first (GSI1): today's list and the monthly statement. */
  byStore: (storeId: string, createdAt: string, redemptionId: string) => ({ GSI1PK: `STORE#${storeId}#REDEMPTIONS`, GSI1SK: `${createdAt}#${redemptionId}` }),
};
