import type { DonationStatus } from '../contract/enums';
import type { AuditRecord } from './audit';
import { ForbiddenError, ValidationError } from './errors';
import type { Transaction } from './payment';

/**
 * Love meals (爱心餐): a donor pays for meals at a store with WeChat Pay; a donation is
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
  /** Meals (and their fen) refunded to the donor when their store was suspended. */
  refundedMeals: number;
  refundedFen: number;
}

/** What the donor sees: a donation whose every meal was refunded is `refunded`. */
export function shownStatus(donation: Pick<DonationRecord, 'status' | 'meals' | 'refundedMeals'>): DonationStatus {
  return donation.status === 'paid' && donation.refundedMeals >= donation.meals ? 'refunded' : donation.status;
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

/**
 * Which of a store's shards (its fund shards) takes a write for this id: spread by the ULID's random
 * tail, so a popular store's payments and scans do not all write one item.
 */
export function shardOf(id: string): number {
  return parseInt(id.slice(-4), 36);
}

/** A store's money and meals, summed over its fund shards (and its payouts account). */
export interface StoreFunds {
  /** Paid for and not yet eaten. */
  meals: number;
  fundedFen: number;
  /** Eaten, and what the store is owed for them. */
  served: number;
  owedFen: number;
  /** Paid out to the store (its payouts account). */
  paidOutFen: number;
  /** Unredeemed meals of a suspended store: refunded to their donors, or moved to another store (or here). */
  refundedFen: number;
  movedOutFen: number;
  movedInFen: number;
}

/** A month's part of a store's statement. */
export interface MonthFigures {
  served: number;
  owedFen: number;
  paidOutFen: number;
}

/** Money paid out to a store for meals it served (a bank transfer made by the charity; recorded by an admin). */
export interface PayoutRecord {
  id: string;
  storeId: string;
  amountFen: number;
  /** The transfer's reference (bank slip number), so the books can be matched to the bank. */
  reference: string;
  month: string;
  createdBy: string;
  createdAt: string;
}

/** A payout never takes the store past what it is owed. */
export function payoutProblem(funds: Pick<StoreFunds, 'owedFen' | 'paidOutFen'>, amountFen: number): string | null {
  return funds.paidOutFen + amountFen > funds.owedFen ? `只可再打款 ${funds.owedFen - funds.paidOutFen} 分` : null;
}

export interface DonationRepository {
  create(donation: DonationRecord): Promise<void>;
  get(donationId: string): Promise<DonationRecord | null>;
  /**
   * pending → paid, once: in the same transaction the store's funded meals grow (on one of its fund
   * shards) and the meals join the store's queue, oldest first. False when it was paid already.
   */
  markPaid(donation: DonationRecord, payment: { transactionId: string; paidAt: string }, shard: number, lots: number[]): Promise<boolean>;
  /** A donor's donations, newest first. */
  byDonor(donorId: string, page: { limit: number; cursor?: string }): Promise<{ items: DonationRecord[]; nextCursor: string | null }>;
  /** Where and when a donation's meals were eaten, oldest first. */
  redemptionsOf(donationId: string): Promise<{ storeName: string; createdAt: string }[]>;
  /** The store's funded meals not yet eaten and the fen they hold; meals served and the fen owed for them (its fund shards). */
  storeFunds(storeId: string): Promise<StoreFunds>;
  /** …with one calendar month's (YYYY-MM) meals served, fen owed and fen paid out, from the same read. */
  storeFunds(storeId: string, month: string): Promise<StoreFunds & { month: MonthFigures }>;
  /**
   * A payout, in one transaction with the store's payouts account, only while the account stays
   * within `owedFen` (what the store was owed when read: it only grows); false otherwise.
   */
  recordPayout(payout: PayoutRecord, owedFen: number, audit: AuditRecord): Promise<boolean>;
  /** The store's redemptions between two instants, newest first (at most `limit`). */
  storeRedemptions(storeId: string, from: string, to: string, limit: number): Promise<{ id: string; donationId: string; createdAt: string }[]>;
}

/**
 * A paid donation's meals join its store's queue as up to `maxLots` lots (each with its share), so
 * that concurrent redemptions of the oldest donation spread over several items instead of one.
 */
export function splitIntoLots(meals: number, maxLots: number): number[] {
  const lots = Math.max(1, Math.min(meals, maxLots));
  return Array.from({ length: lots }, (_, k) => Math.floor(meals / lots) + (k < meals % lots ? 1 : 0));
}

/** Funded meals of one donation at a store, oldest donation first (FIFO across donations). */
export interface MealLot {
  storeId: string;
  donationId: string;
  donorId: string;
  lot: number;
  paidAt: string;
  remaining: number;
  priceFen: number;
}

/**
 * The lot a redemption takes from the queue's front (`lots`, oldest first): the oldest lot on a
 * first try, so an uncontended queue is strictly FIFO; after another scan took the meal it aimed
 * at (`contended`), any of the front lots at random, so 32 cashiers at once spread over them
 * instead of all retrying on one item.
 */
export function pickLot(lots: MealLot[], random: number, contended = false): MealLot | null {
  const open = lots.filter((l) => l.remaining > 0);
  if (open.length === 0) return null;
  return contended ? open[Math.floor(random * open.length) % open.length] : open[0];
}

export interface RedemptionRecord {
  id: string;
  storeId: string;
  storeName: string;
  donationId: string;
  donorId: string;
  workerId: string;
  merchantId: string;
  priceFen: number;
  createdAt: string;
}

/** `not_worker`: the pass's worker no longer holds the worker role (their row was revoked). */
export type RedeemRefusal = 'lot_taken' | 'pass_used' | 'daily_limit' | 'not_worker';

export interface RedeemInput {
  lot: MealLot;
  passId: string;
  passExpiresAt: string;
  /** The store's calendar day (its month's statement counts the meal). */
  day: string;
  /** The worker's period (rules.meals.workerPeriod) and how many meals they may have in it. */
  period: string;
  perPeriod: number;
  redemption: RedemptionRecord;
  /** Which of the store's fund shards takes the move. */
  shard: number;
}

export interface MealQueue {
  /** The store's oldest lots that still have meals (consistent), at most `limit`. */
  oldestLots(storeId: string, limit: number): Promise<MealLot[]>;
  /**
   * In one transaction: one meal out of `lot`, the pass spent (single use), the worker's meal for
   * `period` counted (at most `perPeriod`), the worker still holding the worker role, the redemption recorded (what the store is owed; its stream
   * record tells the donor), and the store's funds moved from funded to owed. The refusal says
   * which condition failed.
   */
  redeem(input: RedeemInput): Promise<RedeemRefusal | null>;
  /** The worker's latest meal (where and when), or null if they never had one. */
  latestMealOf(workerId: string): Promise<{ storeName: string; createdAt: string } | null>;
}

/**
 * The sanitation-worker roster: an admin registers each employer (环卫单位) to one charity; that
 * charity imports the employer's rows (employer, employee number, name) and revokes them; a worker
 * claims their own row once, which makes them a `worker` (who can show a meal pass).
 */
export interface RosterRow {
  employer: string;
  employeeNumber: string;
  name: string;
  importedBy: string;
  claimedBy: string | null;
}

/** An employer and the one charity that keeps its roster. */
export interface EmployerRecord {
  name: string;
  charityId: string;
  registeredBy: string;
  registeredAt: string;
}

export interface Roster {
  /**
   * Rows new to the roster are added; rows already there are left as they are (counted as
   * skipped). The audit entry is written only when a row was added.
   */
  importRows(rows: RosterRow[], audit: AuditRecord): Promise<{ imported: number; skipped: number }>;
  get(employer: string, employeeNumber: string): Promise<RosterRow | null>;
  /** Marks the row claimed by this person, once, audited in the same write (false when someone else holds it, or it was revoked). */
  claim(employer: string, employeeNumber: string, userId: string, audit: AuditRecord): Promise<boolean>;
  /** Revokes the row (it cannot be claimed again), audited in the same write; answers who held it, if anyone. */
  revoke(employer: string, employeeNumber: string, by: string, audit: AuditRecord): Promise<{ claimedBy: string | null } | null>;
  employer(name: string): Promise<EmployerRecord | null>;
  /** Registers an employer once, audited in the same write; false when it was registered already. */
  registerEmployer(employer: EmployerRecord, audit: AuditRecord): Promise<boolean>;
  /** One employer's rows by employee number, each with whether it was revoked. */
  rows(employer: string, page: { limit: number; cursor?: string }): Promise<{ items: (RosterRow & { revoked: boolean })[]; nextCursor: string | null }>;
  /** Registered employers, newest first: every one, or one charity's. */
  employers(filter: { charityId?: string }, page: { limit: number; cursor?: string }): Promise<{ items: EmployerRecord[]; nextCursor: string | null }>;
}

/** Who asks to change a roster: their id and the roles they hold now. */
export interface RosterCaller {
  id: string;
  roles: readonly string[];
}

/**
 * Only the charity an employer is registered to keeps its roster (an admin may act for it). An
 * unregistered employer has no keeper, so nobody imports rows for it: a charity cannot mint workers.
 */
export function assertRosterKeeper(employer: EmployerRecord | null, caller: RosterCaller): asserts employer is EmployerRecord {
  if (!employer) throw new ForbiddenError('这个环卫单位还没有登记，请联系管理员登记到你的机构');
  if (caller.roles.includes('admin')) return;
  if (employer.charityId !== caller.id) throw new ForbiddenError('这个环卫单位登记在其他机构名下');
}

/**
 * Who keeps a roster cannot be a worker of it: an account holding the charity role, or the one
 * that imported the row, would otherwise mint its own meal pass.
 */
export function assertMayClaim(row: RosterRow | null, claimant: RosterCaller): void {
  if (claimant.roles.includes('charity')) throw new ForbiddenError('公益机构账号不能认领环卫工人登记');
  if (row?.importedBy === claimant.id) throw new ForbiddenError('不能认领自己导入的登记');
}

/** An employer belongs to one charity: registering it again to the same one changes nothing, to another is refused. */
export function employerRegistration(existing: EmployerRecord | null, charityId: string): 'new' | 'same' | 'taken' {
  if (!existing) return 'new';
  return existing.charityId === charityId ? 'same' : 'taken';
}

/**
 * A payment is created once per Idempotency-Key: without one, every retry of the app would order
 * another WeChat Pay payment, so a route that creates a payment refuses to go on without it.
 */
export function requirePaymentKey(key: string | undefined): string {
  if (key) return key;
  throw new ValidationError('请求缺少 Idempotency-Key', [
    { in: 'header', path: ['Idempotency-Key'], message: 'required for a request that creates a payment' },
  ]);
}

/** A claim matches only the row's own name (spaces aside); anything else is one answer, so rows cannot be probed. */
export function claimMatches(row: RosterRow | null, name: string): row is RosterRow {
  return Boolean(row) && row!.name.replace(/\s+/g, '') === name.replace(/\s+/g, '');
}
