import type { DonationStatus } from '../contract/enums';
import type { Transaction } from './payment';

/**
 * Love meals (爱心餐, issue 13): a donor pays for meals at a store with WeChat Pay; a donation is
 * pending until a verified payment says it is paid, and only then does the store's count of funded
 * meals grow. Nothing here trusts the app: the amount is the meals times the price in config.
 */

export { DONATION_STATUSES, type DonationStatus } from '../contract/enums';

export interface DonationRecord {
  id: string;
  storeId: string;
  donorId: string;
  meals: number;
  amountFen: number;
  status: DonationStatus;
  createdAt: string;
  paidAt: string | null;
  /** WeChat Pay's id of the payment, once paid. */
  transactionId: string | null;
}

/** What a donation of `meals` costs: meals × meals.priceFen (config), in fen. */
export function donationAmountFen(meals: number, priceFen: number): number {
  return meals * priceFen;
}

export type Settlement = 'settle' | 'already' | 'not_paid' | 'mismatch';

/**
 * What a payment (from a notification or a query) means for a donation: it settles it only when
 * WeChat Pay says SUCCESS for this very out_trade_no and amount; a second word on it changes nothing.
 */
export function settlementOf(donation: Pick<DonationRecord, 'id' | 'amountFen' | 'status'>, transaction: Transaction): Settlement {
  if (transaction.outTradeNo !== donation.id || (transaction.state === 'SUCCESS' && transaction.amountFen !== donation.amountFen)) return 'mismatch';
  if (transaction.state !== 'SUCCESS') return 'not_paid';
  return donation.status === 'pending' ? 'settle' : 'already';
}

export interface DonationRepository {
  create(donation: DonationRecord): Promise<void>;
  get(donationId: string): Promise<DonationRecord | null>;
  /**
   * pending → paid, once: in the same transaction the store's funded meals grow (on one of its fund
   * shards) and the meals join the store's queue, oldest first. False when it was paid already.
   */
  markPaid(donation: DonationRecord, payment: { transactionId: string; paidAt: string }, shard: number): Promise<boolean>;
  /** The store's funded meals not yet eaten, and the fen they hold (the sum of its fund shards). */
  storeFunds(storeId: string): Promise<{ meals: number; fundedFen: number }>;
}
