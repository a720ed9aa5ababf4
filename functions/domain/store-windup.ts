import { RuleViolation } from './errors';
import type { AuditRecord } from './audit';
import type { MealLot } from './meals';

/**
 * Winding up a suspended store's unredeemed meals: an admin either refunds them to their
 * donors through WeChat Pay or moves them to another active store. The work runs from the table's
 * stream a page of lots at a time; each lot moves in one transaction whose conditions make a
 * redelivered page change nothing twice, and the money moves with it as entries (refund, move).
 */

export const WINDUP_ACTIONS = ['refund', 'move'] as const;
export type WindupAction = (typeof WINDUP_ACTIONS)[number];

export interface WindupProgress {
  lots: number;
  meals: number;
  fen: number;
}

export interface WindupRecord {
  storeId: string;
  action: WindupAction;
  toStoreId: string | null;
  status: 'running' | 'done';
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  /** Bumped by every page: that write's stream record hands the next page on. */
  page: number;
  /** What the lots' transactions did (counted in each, so exact after any retry). */
  done: WindupProgress;
}

export const REFUND_STATUSES = ['requested', 'processing', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** One refund to a donor: one lot of one donation (WeChat Pay allows up to 50 partial refunds an order). */
export interface RefundRecord {
  /** Also WeChat Pay's out_refund_no, so asking again never refunds twice. */
  id: string;
  donationId: string;
  storeId: string;
  /** Named in the donor's notification. */
  storeName: string;
  donorId: string;
  meals: number;
  amountFen: number;
  /** The donation's whole amount (WeChat Pay's `amount.total`). */
  totalFen: number;
  status: RefundStatus;
  requestedAt: string;
  settledAt: string | null;
  wechatRefundId: string | null;
}

/** The refund of one lot: its out_refund_no is fixed by the lot, so a retried page cannot make a second one. */
export function refundOfLot(lot: MealLot, store: { name: string }, totalFen: number, at: string): RefundRecord {
  return {
    id: `${lot.donationId}-${lot.lot}`,
    donationId: lot.donationId,
    storeId: lot.storeId,
    storeName: store.name,
    donorId: lot.donorId,
    meals: lot.remaining,
    amountFen: lot.remaining * lot.priceFen,
    totalFen,
    status: 'requested',
    requestedAt: at,
    settledAt: null,
    wechatRefundId: null,
  };
}

/** Where a refund goes after WeChat Pay's word on it (an answer or a notification); null: no change. */
export function refundStatusAfter(current: RefundStatus, wechat: 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL'): RefundStatus | null {
  if (current === 'succeeded' || current === 'failed') return null;
  if (wechat === 'SUCCESS') return 'succeeded';
  if (wechat === 'PROCESSING') return current === 'requested' ? 'processing' : null;
  return 'failed';
}

/** The rules of starting: the store is suspended, nothing else is winding it up, a move goes to another active store. */
export function assertCanWindUp(
  store: { id: string; status: string },
  running: WindupRecord | null,
  input: { action: WindupAction; toStore?: { id: string; status: string } | null },
): void {
  if (store.status !== 'suspended') throw new RuleViolation('STORE_NOT_SUSPENDED', '门店暂停营业后才能退款或转移未领取的爱心餐');
  if (running?.status === 'running') throw new RuleViolation('WINDUP_RUNNING', '这家店的未领取爱心餐正在处理中');
  if (input.action === 'move') {
    if (!input.toStore || input.toStore.id === store.id) throw new RuleViolation('TARGET_NOT_ACTIVE', '请选择另一家营业中的门店');
    if (input.toStore.status !== 'active') throw new RuleViolation('TARGET_NOT_ACTIVE', '目标门店不在营业中');
  }
}

export interface MealWindupStore {
  /** Starts a wind-up, audited in the same write (false when one is running for this store). */
  start(windup: WindupRecord, audit: AuditRecord): Promise<boolean>;
  get(storeId: string): Promise<WindupRecord | null>;
  /**
   * In one transaction: the lot leaves the queue (only as it was read), the store's fund shard gives
   * its fen to `refundedFen`, the refund is recorded (its stream record asks WeChat Pay), the
   * donation counts its refunded meals, and the wind-up's progress counts it. False: it moved meanwhile.
   */
  refundLot(lot: MealLot, refund: RefundRecord, shard: number): Promise<boolean>;
  /** In one transaction: the lot leaves this store's queue for the other's (its place by when it was paid kept), both fund shards move, the move is recorded. */
  moveLot(lot: MealLot, toStoreId: string, at: string, fromShard: number, toShard: number): Promise<boolean>;
  /** The next page (or done), only from the page read: a redelivered page does not advance twice. */
  advance(storeId: string, fromPage: number, finishedAt: string | null): Promise<boolean>;
  getRefund(refundId: string): Promise<RefundRecord | null>;
  /** `from` → `to`, only from the status read. */
  settleRefund(refundId: string, from: RefundStatus, to: RefundStatus, detail: { at: string; wechatRefundId: string | null }): Promise<boolean>;
}
