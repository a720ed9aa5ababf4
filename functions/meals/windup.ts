import { auditRecord, assertNotOwnWork, type AuditActor } from '../domain/audit';
import { NotFoundError, RuleViolation } from '../domain/errors';
import { ulid } from 'ulid';
import { dayOf } from '../domain/calendar';
import { payoutProblem, shardOf, type MealQueue, type PayoutRecord } from '../domain/meals';
import type { PaymentPort, Refund } from '../domain/payment';
import type { Clock } from '../domain/ports';
import { storeNotActive, type StoreRecord, type StoreRepository } from '../domain/store';
import {
  assertCanWindUp,
  refundOfLot,
  refundStatusAfter,
  type MealWindupStore,
  type RefundRecord,
  type WindupAction,
  type WindupRecord,
} from '../domain/store-windup';
import type { DonationRecord, DonationRepository } from '../domain/meals';
import type { Rules } from '../shared/config';
import { logger } from '../shared/log';
import { storeView } from '../stores/stores';

/**
 * An admin suspends a store (no donations, no scans), and refunds or moves its unredeemed meals.
 * The request only starts the work; the table's stream does it a page of lots at a time
 * (windupPage), and each refund's record asks WeChat Pay (askRefund).
 */
export interface WindupDeps {
  clock: Clock;
  stores: Pick<StoreRepository, 'get' | 'changeStatus'>;
  windup: MealWindupStore;
  queue: Pick<MealQueue, 'oldestLots'>;
  donations: Pick<DonationRepository, 'get'>;
  /** Null when WeChat Pay is not configured (refunds then wait in the stream's retries). */
  payments: (Pick<PaymentPort, 'refund'> & { notifyUrl: string }) | null;
}

/** What the admin's routes need: everything but WeChat Pay (only the stream's refunds call it). */
export type StoreAdminDeps = Omit<WindupDeps, 'payments'>;

/** Lots one page moves (each its own transaction): small enough for one invocation, any store size in pages. */
const PAGE_LOTS = 25;

async function storeOrNotFound(deps: Pick<WindupDeps, 'stores'>, storeId: string): Promise<StoreRecord> {
  const store = await deps.stores.get(storeId);
  if (!store) throw new NotFoundError('门店不存在');
  return store;
}

/** POST /admin/stores/{id}/suspend: an active store stops taking donations and scans (audited). */
export async function suspendStore(deps: StoreAdminDeps, actor: AuditActor, storeId: string, input: { reason: string }) {
  const store = await storeOrNotFound(deps, storeId);
  assertNotOwnWork(actor, store.ownerId, '店铺');
  if (store.status !== 'active') throw storeNotActive('只有营业中的门店可以暂停');
  const suspended = await deps.stores.changeStatus(store, 'suspended', {
    note: input.reason,
    audit: auditRecord(deps.clock.now(), actor, { action: 'store.suspend', targetType: 'store', targetId: store.id, detail: store.name, reason: input.reason }),
    onConflict: (cause) => storeNotActive('门店状态已变化，请刷新', { cause }),
  });
  return { store: storeView(suspended) };
}

/** POST /admin/stores/{id}/resume: a suspended store opens again, unless its meals are being refunded or moved. */
export async function resumeStore(deps: StoreAdminDeps, actor: AuditActor, storeId: string) {
  const store = await storeOrNotFound(deps, storeId);
  assertNotOwnWork(actor, store.ownerId, '店铺');
  if (store.status !== 'suspended') throw new RuleViolation('STORE_NOT_SUSPENDED', '只有暂停中的门店可以恢复营业');
  if ((await deps.windup.get(storeId))?.status === 'running') throw new RuleViolation('WINDUP_RUNNING', '这家店的未领取爱心餐正在处理中');
  const resumed = await deps.stores.changeStatus(store, 'active', {
    note: null,
    audit: auditRecord(deps.clock.now(), actor, { action: 'store.resume', targetType: 'store', targetId: store.id, detail: store.name, reason: null }),
    onConflict: (cause) => new RuleViolation('STORE_NOT_SUSPENDED', '门店状态已变化，请刷新', undefined, { cause }),
  });
  return { store: storeView(resumed) };
}

/**
 * POST /admin/stores/{id}/unredeemed: refund a suspended store's unredeemed meals to their donors, or
 * move them to another active store. Answers at once with the wind-up; the stream does the work.
 */
export async function windUpStore(deps: StoreAdminDeps, actor: AuditActor, storeId: string, input: { action: WindupAction; toStoreId?: string }) {
  const store = await storeOrNotFound(deps, storeId);
  // Refunding or moving a store's meals moves money: never by an admin who owns that store.
  assertNotOwnWork(actor, store.ownerId, '店铺');
  const toStore = input.action === 'move' && input.toStoreId ? await deps.stores.get(input.toStoreId) : null;
  assertCanWindUp(store, await deps.windup.get(storeId), { action: input.action, toStore });
  const windup: WindupRecord = {
    storeId,
    action: input.action,
    toStoreId: input.action === 'move' ? toStore!.id : null,
    status: 'running',
    startedBy: actor.id,
    startedAt: deps.clock.now().toISOString(),
    finishedAt: null,
    page: 0,
    done: { lots: 0, meals: 0, fen: 0 },
  };
  const audit = auditRecord(deps.clock.now(), actor, {
    action: 'store.windup',
    targetType: 'store',
    targetId: store.id,
    detail: input.action === 'move' ? `${store.name} → ${toStore!.name}` : store.name,
    reason: input.action === 'move' ? '转移未领取的爱心餐' : '退回未领取的爱心餐',
  });
  if (!(await deps.windup.start(windup, audit))) throw new RuleViolation('WINDUP_RUNNING', '这家店的未领取爱心餐正在处理中');
  return { windup };
}

/**
 * The wind-up's stream record (started, or the last page advanced it): one page of the store's
 * oldest lots, each refunded or moved in its own transaction; then the job advances, and that
 * write hands on the next page. A redelivered page finds its lots gone and cannot advance twice.
 */
export async function windupPage(deps: StoreAdminDeps, storeId: string, page: number): Promise<'next' | 'done' | 'stale'> {
  const windup = await deps.windup.get(storeId);
  if (!windup || windup.status !== 'running' || windup.page !== page) return 'stale';
  const [lots, store] = await Promise.all([deps.queue.oldestLots(storeId, PAGE_LOTS), storeOrNotFound(deps, storeId)]);
  const at = deps.clock.now().toISOString();
  // A donation's lots sit side by side in the queue: read each donation once a page.
  const donations = new Map<string, Promise<DonationRecord | null>>();
  const donationOf = (id: string) => donations.get(id) ?? donations.set(id, deps.donations.get(id)).get(id)!;
  for (const lot of lots) {
    if (windup.action === 'move') {
      await deps.windup.moveLot(lot, windup.toStoreId!, at, shardOf(lot.donationId), shardOf(lot.donationId));
    } else {
      const donation = await donationOf(lot.donationId);
      // A lot without its donation cannot be refunded: the page fails (retried, then dead-lettered) for a person to see, rather than skipping it forever.
      if (!donation) throw new Error(`lot ${lot.donationId}-${lot.lot} of store ${storeId} has no donation`);
      await deps.windup.refundLot(lot, refundOfLot(lot, store, donation.amountFen, at), shardOf(donation.id));
    }
  }
  const finished = lots.length < PAGE_LOTS;
  await deps.windup.advance(storeId, page, finished ? at : null);
  return finished ? 'done' : 'next';
}

/** A refund's stream record: ask WeChat Pay once (its out_refund_no makes asking again safe); a failure is retried by the stream. */
export async function askRefund(deps: WindupDeps, refundId: string): Promise<void> {
  const refund = await deps.windup.getRefund(refundId);
  if (!refund || refund.status !== 'requested') return;
  if (!deps.payments) throw new Error('WeChat Pay is not configured: the refund waits');
  const answer = await deps.payments.refund({
    outTradeNo: refund.donationId,
    outRefundNo: refund.id,
    refundFen: refund.amountFen,
    totalFen: refund.totalFen,
    reason: '爱心餐门店暂停营业，退回未领取的餐款',
    notifyUrl: deps.payments.notifyUrl,
  });
  await applyRefundWord(deps, refund, answer);
}

/** WeChat Pay's word on a refund (its answer, or a REFUND.* notification): once, forward only. */
export async function settleRefund(deps: { clock: Clock; windup: Pick<MealWindupStore, 'getRefund' | 'settleRefund'> }, answer: Refund): Promise<boolean> {
  const refund = await deps.windup.getRefund(answer.outRefundNo);
  return refund ? applyRefundWord(deps, refund, answer) : false;
}

/** WeChat Pay's word on a refund already read: only about this very refund, and only forward. */
async function applyRefundWord(deps: { clock: Clock; windup: Pick<MealWindupStore, 'settleRefund'> }, refund: RefundRecord, answer: Refund): Promise<boolean> {
  if (refund.id !== answer.outRefundNo || refund.donationId !== answer.outTradeNo || refund.amountFen !== answer.refundFen) return false;
  const to = refundStatusAfter(refund.status, answer.status);
  if (!to) return true;
  const settled = await deps.windup.settleRefund(refund.id, refund.status, to, { at: deps.clock.now().toISOString(), wechatRefundId: answer.refundId || null });
  // A donor's money is stuck until a person acts: this line raises the refund-failed alarm.
  if (settled && to === 'failed')
    logger.error('refund failed', { alert: 'refund_failed', refundId: refund.id, storeId: refund.storeId, amountFen: refund.amountFen });
  return settled;
}

/** GET /admin/stores/{id}/unredeemed: the last wind-up of a store (null: none) and the store's money. */
export async function windupOf(deps: Pick<WindupDeps, 'windup' | 'stores'> & { donations: Pick<DonationRepository, 'storeFunds'> }, storeId: string) {
  await storeOrNotFound(deps, storeId);
  const [windup, funds] = await Promise.all([deps.windup.get(storeId), deps.donations.storeFunds(storeId)]);
  const { meals: mealsAvailable, fundedFen, served, owedFen, refundedFen, movedOutFen, movedInFen } = funds;
  return { windup, funds: { mealsAvailable, fundedFen, served, owedFen, refundedFen, movedOutFen, movedInFen } };
}

/** POST /admin/stores/{id}/payouts: money paid out to a store for meals it served, never past what it is owed (audited). */
export async function recordPayout(
  deps: Pick<WindupDeps, 'clock' | 'stores'> & {
    donations: Pick<DonationRepository, 'storeFunds' | 'recordPayout'>;
    config: { rules: Pick<Rules, 'timezone'> };
  },
  actor: AuditActor,
  storeId: string,
  input: { amountFen: number; reference: string },
) {
  const store = await storeOrNotFound(deps, storeId);
  assertNotOwnWork(actor, store.ownerId, '店铺');
  const funds = await deps.donations.storeFunds(storeId);
  const refused = () => new RuleViolation('PAYOUT_EXCEEDS_OWED', '打款不能超过门店应结算的金额', { leftFen: funds.owedFen - funds.paidOutFen });
  if (payoutProblem(funds, input.amountFen)) throw refused();
  const now = deps.clock.now();
  const payout: PayoutRecord = {
    id: ulid(),
    storeId,
    amountFen: input.amountFen,
    reference: input.reference,
    month: dayOf(now, deps.config.rules.timezone).slice(0, 7),
    createdBy: actor.id,
    createdAt: now.toISOString(),
  };
  const audit = auditRecord(now, actor, {
    action: 'store.payout',
    targetType: 'store',
    targetId: storeId,
    detail: `${store.name} ${input.amountFen} 分`,
    reason: input.reference,
  });
  // Another payout landed since the read: refused rather than paying past what is owed.
  if (!(await deps.donations.recordPayout(payout, funds.owedFen, audit))) throw refused();
  const { createdBy: _by, ...view } = payout;
  return { payout: view, owedFen: funds.owedFen, paidOutFen: funds.paidOutFen + input.amountFen };
}
