import { ulid } from 'ulid';
import type { MealDonationView, requestPayment } from '../contract/meals';
import type { z } from 'zod';
import { AppError, BadInputError, ContentionError, ForbiddenError, NotFoundError, RuleViolation, UnauthenticatedError } from '../domain/errors';
import type { MemberCodes } from '../domain/lowcarbon';
import { dayBoundsSeconds, dayOf, periodOf } from '../domain/calendar';
import {
  donationAmountFen,
  pickLot,
  shardOf,
  settlementOf,
  shownStatus,
  splitIntoLots,
  type DonationRecord,
  type DonationRepository,
  type MealQueue,
  type RedemptionRecord,
  type Roster,
  claimMatches,
} from '../domain/meals';
import { PaymentMessageRefused, type PaymentPort, type Transaction } from '../domain/payment';
import type { Clock, UserRepository } from '../domain/ports';
import { quotaSpecs, type Quotas } from '../domain/quota';
import type { StoreRepository } from '../domain/store';
import type { MealWindupStore } from '../domain/store-windup';
import { settleRefund } from './windup';
import type { Rules } from '../shared/config';

/**
 * Love-meal donations (issue 13): a pending donation ordered with WeChat Pay, made paid only by a
 * verified payment (a notification, or a query when the notification is late), once.
 */
export interface MealDeps {
  clock: Clock;
  quotas: Quotas;
  users: Pick<UserRepository, 'findById'>;
  stores: Pick<StoreRepository, 'get' | 'listActiveInCity'>;
  donations: DonationRepository;
  /** Null when WeChat Pay is not configured. */
  payments: (PaymentPort & { notifyUrl: string; sandboxPay?: (outTradeNo: string) => Promise<void> }) | null;
  config: { rules: Pick<Rules, 'meals' | 'quotas'> };
}

export class PaymentUnavailableError extends AppError {
  constructor() {
    super(503, 'PAYMENT_UNAVAILABLE', '微信支付暂时不可用，请稍后再试');
  }
}

export function donationView(d: DonationRecord): MealDonationView {
  return {
    id: d.id,
    storeId: d.storeId,
    meals: d.meals,
    amountFen: d.amountFen,
    status: shownStatus(d),
    createdAt: d.createdAt,
    paidAt: d.paidAt,
    refundedMeals: d.refundedMeals,
  };
}

/** POST /meals/donations: a pending donation and its WeChat Pay order; in local/test the fake pays at once. */
export async function donateMeals(
  deps: MealDeps,
  donorId: string,
  input: { storeId: string; meals: number },
): Promise<{ donation: MealDonationView; payment: z.infer<typeof requestPayment> }> {
  const { payments } = deps;
  if (!payments) throw new PaymentUnavailableError();
  const { maxMealsPerDonation, priceFen } = deps.config.rules.meals;
  if (input.meals > maxMealsPerDonation) throw new BadInputError('VALIDATION_FAILED', `一次最多捐 ${maxMealsPerDonation} 份`);
  const store = await deps.stores.get(input.storeId);
  if (!store) throw new NotFoundError('门店不存在');
  if (store.status !== 'active') throw new RuleViolation('STORE_NOT_ACTIVE', '该门店暂未营业');
  const donor = await deps.users.findById(donorId);
  if (!donor) throw new UnauthenticatedError('登录凭证无效');
  const now = deps.clock.now();
  await deps.quotas.take(donorId, quotaSpecs(deps.config.rules.quotas).mealDonations, now);
  const donation: DonationRecord = {
    // Also the out_trade_no (26 characters, within WeChat Pay's 6–32).
    id: ulid(),
    storeId: store.id,
    donorId,
    meals: input.meals,
    amountFen: donationAmountFen(input.meals, priceFen),
    status: 'pending',
    createdAt: now.toISOString(),
    paidAt: null,
    transactionId: null,
    refundedMeals: 0,
    refundedFen: 0,
  };
  await deps.donations.create(donation);
  let prepayId: string;
  try {
    ({ prepayId } = await payments.createJsapiOrder({
      outTradeNo: donation.id,
      description: `爱心餐 ${input.meals} 份 · ${store.name}`.slice(0, 127),
      amountFen: donation.amountFen,
      payerOpenid: donor.openid,
      notifyUrl: payments.notifyUrl,
    }));
  } catch {
    throw new PaymentUnavailableError();
  }
  let shown = donation;
  if (payments.sandboxPay) {
    // Local and test: the fake pays at once; the query settles it now, the notification finds it paid.
    await payments.sandboxPay(donation.id).catch(() => undefined);
    shown = await checkDonation(deps, donorId, donation.id).then((d) => ({ ...donation, status: d.status, paidAt: d.paidAt }));
  }
  return { donation: donationView(shown), payment: await payments.requestPaymentParams(prepayId) };
}

/** Makes a donation paid when this payment says so (once); the answer says what it meant. */
async function settle(deps: MealDeps, donation: DonationRecord, transaction: Transaction): Promise<'settled' | 'already' | 'not_paid' | 'mismatch'> {
  const settlement = settlementOf(donation, transaction);
  if (settlement !== 'settle') return settlement;
  const paidAt = transaction.successTime ? new Date(transaction.successTime).toISOString() : deps.clock.now().toISOString();
  const shard = shardOf(donation.id);
  const lots = splitIntoLots(donation.meals, deps.config.rules.meals.lotShards);
  const settled = await deps.donations.markPaid(donation, { transactionId: transaction.transactionId ?? '', paidAt }, shard, lots);
  return settled ? 'settled' : 'already';
}

/** POST /meals/donations/{id}/check: the donor's own donation; a pending one asks WeChat Pay (a late notification). */
export async function checkDonation(deps: MealDeps, donorId: string, donationId: string): Promise<MealDonationView> {
  const donation = await deps.donations.get(donationId);
  if (!donation || donation.donorId !== donorId) throw new NotFoundError('没有这笔捐赠');
  if (donation.status !== 'pending' || !deps.payments) return donationView(donation);
  let transaction: Transaction;
  try {
    transaction = await deps.payments.queryOrder(donation.id);
  } catch {
    return donationView(donation);
  }
  await settle(deps, donation, transaction);
  return donationView((await deps.donations.get(donationId)) ?? donation);
}

/** WeChat Pay's notification refused (the route answers WeChat Pay's own {code: FAIL}). */
class NotificationRefused extends AppError {
  constructor(status: 400 | 401, message: string) {
    super(status, 'FAIL', message);
  }
}

/** POST /payments/wechatpay/notify: believed only once verified and decrypted; a repeat changes nothing. */
export async function receivePaymentNotification(
  deps: MealDeps & { windup: Pick<MealWindupStore, 'getRefund' | 'settleRefund'> },
  headers: Record<string, string | undefined>,
  rawBody: string,
): Promise<void> {
  if (!deps.payments) throw new NotificationRefused(400, 'payments are not configured');
  let notification;
  try {
    notification = await deps.payments.parseNotification(headers, rawBody);
  } catch (err) {
    if (err instanceof PaymentMessageRefused) {
      throw new NotificationRefused(err.reason.includes('decrypt') || err.reason.startsWith('not ') ? 400 : 401, err.reason);
    }
    throw err;
  }
  if (notification.kind === 'refund') {
    if (!(await settleRefund(deps, notification.refund))) throw new NotificationRefused(400, 'no such refund');
    return;
  }
  const donation = await deps.donations.get(notification.transaction.outTradeNo);
  if (!donation) throw new NotificationRefused(400, 'no such out_trade_no');
  const outcome = await settle(deps, donation, notification.transaction);
  if (outcome === 'mismatch') throw new NotificationRefused(400, 'amount does not match the order');
}

export interface RedemptionDeps extends Pick<MealDeps, 'clock' | 'quotas' | 'stores' | 'config'> {
  passes: MemberCodes;
  queue: MealQueue;
  config: { rules: Pick<Rules, 'meals' | 'quotas' | 'timezone'> };
}

/**
 * GET /me/meal-pass: a worker's pass, signed, short-lived (rules.meals.passTtlSeconds), single-use;
 * one per rules.meals.passWindowSeconds (asking again within it gives the same pass): the quota.
 */
export async function mealPass(deps: Pick<RedemptionDeps, 'clock' | 'passes'>, workerId: string) {
  const { code, expiresAt } = await deps.passes.issue(workerId, deps.clock.now());
  return { pass: code, expiresAt };
}

const PERIOD_LIMIT = { day: '今天已领取过爱心餐', week: '本周已领取过爱心餐', month: '本月已领取过爱心餐' } as const;

/** How many times a redemption tries again when another scan took the meal it aimed at. */
const REDEEM_ATTEMPTS = 10;
/** How many lots at the queue's front a contended scan spreads over. */
const FRONT_LOTS = 16;

/**
 * POST /stores/{id}/redemptions: the merchant who owns this active store scans a worker's pass and
 * hands out the store's oldest funded meal, in one transaction (functions/adapters/dynamodb/meal-queue.ts).
 */
export async function redeemMeal(deps: RedemptionDeps, merchantId: string, storeId: string, passText: string) {
  const now = deps.clock.now();
  const store = await deps.stores.get(storeId);
  if (!store) throw new NotFoundError('门店不存在');
  if (store.ownerId !== merchantId) throw new ForbiddenError('只能在自己的门店核销');
  if (store.status !== 'active') throw new RuleViolation('STORE_NOT_ACTIVE', '该门店暂未营业');
  const pass = await deps.passes.verify(passText, now);
  // A merchant cannot hand a meal to themselves.
  if (pass.userId === merchantId) throw new ForbiddenError('不能核销自己的爱心餐核销码');
  const day = dayOf(now, deps.config.rules.timezone);
  for (let attempt = 0; attempt < REDEEM_ATTEMPTS; attempt++) {
    const lot = pickLot(await deps.queue.oldestLots(storeId, FRONT_LOTS), Math.random(), attempt > 0);
    if (!lot) throw new RuleViolation('NO_MEALS_AVAILABLE', '该门店暂无可领取的爱心餐');
    const redemption: RedemptionRecord = {
      id: ulid(),
      storeId,
      storeName: store.name,
      donationId: lot.donationId,
      donorId: lot.donorId,
      workerId: pass.userId,
      merchantId,
      priceFen: lot.priceFen,
      createdAt: now.toISOString(),
    };
    const refusal = await deps.queue.redeem({
      lot,
      passId: pass.codeId,
      passExpiresAt: new Date(now.getTime() + deps.config.rules.meals.passTtlSeconds * 1000).toISOString(),
      day,
      period: periodOf(now, deps.config.rules.timezone, deps.config.rules.meals.workerPeriod),
      perPeriod: deps.config.rules.meals.mealsPerWorkerPerPeriod,
      redemption,
      shard: shardOf(redemption.id),
    });
    if (refusal === 'pass_used') throw new RuleViolation('PASS_ALREADY_USED', '核销码已使用');
    if (refusal === 'daily_limit') throw new RuleViolation('DAILY_LIMIT_REACHED', PERIOD_LIMIT[deps.config.rules.meals.workerPeriod]);
    if (refusal === null) return { redemption: { id: redemption.id, storeId, donationId: redemption.donationId, createdAt: redemption.createdAt } };
    // Another scan took that meal: a short random pause, so the retries do not all meet again.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (attempt + 1)));
  }
  throw new ContentionError();
}

/** GET /stores?city=: active stores of a city, each with its funded meals not yet eaten. */
export async function activeStores(
  deps: Pick<MealDeps, 'stores' | 'donations' | 'config'> & { stores: Pick<StoreRepository, 'listActiveInCity'> },
  query: { city: string; limit: number; cursor?: string },
) {
  const found = await deps.stores.listActiveInCity(query.city, query);
  const items = await Promise.all(
    found.items.map(async (store) => ({
      id: store.id,
      name: store.name,
      city: store.city,
      address: store.address,
      ownerId: store.ownerId,
      status: store.status,
      mealsAvailable: (await deps.donations.storeFunds(store.id)).meals,
      createdAt: store.createdAt,
      reviewNote: store.reviewNote,
      mealPriceFen: deps.config.rules.meals.priceFen,
    })),
  );
  return { items, nextCursor: found.nextCursor };
}

export interface RosterDeps {
  clock: Clock;
  quotas: Quotas;
  roster: Roster;
  users: Pick<UserRepository, 'findById' | 'changeRoles'>;
  config: { rules: Pick<Rules, 'quotas'> };
}

/** POST /workers/roster: a charity or an admin imports an employer's rows. */
export async function importRoster(
  deps: Pick<RosterDeps, 'roster'>,
  importerId: string,
  input: { employer: string; rows: { employeeNumber: string; name: string }[] },
) {
  return deps.roster.importRows(
    input.rows.map((row) => ({ employer: input.employer, employeeNumber: row.employeeNumber, name: row.name, importedBy: importerId, claimedBy: null })),
  );
}

/**
 * POST /me/worker: a worker claims their roster row (employer, employee number and their name must
 * match it) and becomes a `worker`. A row is claimed once; attempts are counted (a quota).
 */
export async function claimWorkerRow(deps: RosterDeps, userId: string, input: { employer: string; employeeNumber: string; name: string }) {
  await deps.quotas.take(userId, quotaSpecs(deps.config.rules.quotas).workerClaims, deps.clock.now());
  const row = await deps.roster.get(input.employer, input.employeeNumber);
  if (!claimMatches(row, input.name)) throw new RuleViolation('ROSTER_NO_MATCH', '没有找到匹配的登记信息，请核对单位、工号和姓名');
  if (!(await deps.roster.claim(row.employer, row.employeeNumber, userId))) throw new RuleViolation('ROSTER_ALREADY_CLAIMED', '这条登记信息已被认领');
  const person = await deps.users.findById(userId);
  if (!person) throw new UnauthenticatedError('登录凭证无效');
  if (person.roles.includes('worker')) return { user: { id: person.id, nickname: person.nickname, roles: person.roles } };
  const updated = await deps.users.changeRoles(person.id, person.roles, [...person.roles, 'worker'], {
    actor: { kind: 'system', id: 'worker-roster', label: `环卫工人名册 ${row.employer}` },
    reason: `认领名册 ${row.employer} ${row.employeeNumber}`,
  });
  return { user: { id: updated.id, nickname: updated.nickname, roles: updated.roles } };
}

/** GET /me/meals: my donations, and for each, where and when its meals were eaten. */
export async function myMeals(deps: Pick<MealDeps, 'donations' | 'stores'>, donorId: string, page: { limit: number; cursor?: string }) {
  const found = await deps.donations.byDonor(donorId, page);
  const items = await Promise.all(
    found.items.map(async (donation) => {
      const [store, eaten] = await Promise.all([deps.stores.get(donation.storeId), deps.donations.redemptionsOf(donation.id)]);
      return {
        donation: donationView(donation),
        store: { id: donation.storeId, name: store?.name ?? '' },
        eaten: eaten.map((e) => ({ storeName: e.storeName, at: e.createdAt })),
      };
    }),
  );
  return { items, nextCursor: found.nextCursor };
}

/** GET /me/stores/{id}/meals: the owner's view — funded and left, today's redemptions, a month's statement. */
export async function storeMeals(
  deps: Pick<MealDeps, 'clock' | 'stores' | 'donations'> & { config: { rules: Pick<Rules, 'timezone'> } },
  merchantId: string,
  storeId: string,
  month?: string,
) {
  const store = await deps.stores.get(storeId);
  if (!store) throw new NotFoundError('门店不存在');
  if (store.ownerId !== merchantId) throw new ForbiddenError('只能查看自己的门店');
  const now = deps.clock.now();
  const today = dayOf(now, deps.config.rules.timezone);
  const [start] = dayBoundsSeconds(today, deps.config.rules.timezone);
  const statementMonth = month ?? today.slice(0, 7);
  const [funds, todays] = await Promise.all([
    deps.donations.storeFunds(storeId, statementMonth),
    deps.donations.storeRedemptions(storeId, new Date(start * 1000).toISOString(), now.toISOString(), 200),
  ]);
  const monthly = funds.month;
  return {
    storeId,
    mealsAvailable: funds.meals,
    fundedFen: funds.fundedFen,
    served: funds.served,
    owedFen: funds.owedFen,
    paidOutFen: funds.paidOutFen,
    today: todays,
    statement: { month: statementMonth, ...monthly },
  };
}

/** POST /workers/roster/revoke: a charity or an admin revokes a row; whoever claimed it is no longer a worker. */
export async function revokeWorkerRow(deps: Pick<RosterDeps, 'roster' | 'users'>, revokerId: string, input: { employer: string; employeeNumber: string }) {
  const revoked = await deps.roster.revoke(input.employer, input.employeeNumber, revokerId);
  if (!revoked) throw new NotFoundError('没有这条登记信息');
  const holder = revoked.claimedBy ? await deps.users.findById(revoked.claimedBy) : null;
  if (holder?.roles.includes('worker')) {
    await deps.users.changeRoles(
      holder.id,
      holder.roles,
      holder.roles.filter((role) => role !== 'worker'),
      {
        actor: { kind: 'user', id: revokerId, label: '环卫工人名册' },
        reason: `名册 ${input.employer} ${input.employeeNumber} 已撤销`,
      },
    );
  }
  return { revoked: true as const, workerId: holder?.id ?? null };
}
