import { ulid } from 'ulid';
import { dayBoundsSeconds, dayOf, periodOf } from '../domain/calendar';
import { ContentionError, ForbiddenError, NotFoundError, RuleViolation } from '../domain/errors';
import type { MemberCodes } from '../domain/lowcarbon';
import { pickLot, shardOf, type DonationRepository, type MealQueue, type RedemptionRecord } from '../domain/meals';
import type { Clock } from '../domain/ports';
import type { Quotas } from '../domain/quota';
import { assertStoreActive, type StoreRepository } from '../domain/store';
import type { Rules } from '../shared/config';

/**
 * Love meals handed out: a worker's pass, the merchant's scan that gives the store's oldest funded
 * meal, and the merchant's view of what their store was funded, served and is owed.
 */
export interface RedemptionDeps {
  clock: Clock;
  quotas: Quotas;
  stores: Pick<StoreRepository, 'get'>;
  passes: MemberCodes;
  queue: MealQueue;
  config: { rules: Pick<Rules, 'meals' | 'quotas' | 'timezone'> };
}

/**
 * GET /me/meal-pass: a worker's pass, signed, short-lived (rules.meals.passTtlSeconds), single-use;
 * one per rules.meals.passWindowSeconds (asking again within it gives the same pass): the quota.
 */
export async function mealPass(deps: Pick<RedemptionDeps, 'clock' | 'passes' | 'queue' | 'config'>, workerId: string) {
  const now = deps.clock.now();
  const [{ code, expiresAt }, latest] = await Promise.all([deps.passes.issue(workerId, now), deps.queue.latestMealOf(workerId)]);
  // The worker's screen says when today's meal was handed out and where (the scan happens on the merchant's phone).
  const today = dayOf(now, deps.config.rules.timezone);
  const servedToday =
    latest && dayOf(new Date(latest.createdAt), deps.config.rules.timezone) === today ? { storeName: latest.storeName, servedAt: latest.createdAt } : null;
  return { pass: code, expiresAt, servedToday };
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
  assertStoreActive(store);
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
    if (refusal === 'not_worker') throw new ForbiddenError('这位环卫工人的认证已撤销，核销码不能再用');
    if (refusal === 'pass_used') throw new RuleViolation('PASS_ALREADY_USED', '核销码已使用');
    if (refusal === 'daily_limit') throw new RuleViolation('DAILY_LIMIT_REACHED', PERIOD_LIMIT[deps.config.rules.meals.workerPeriod]);
    if (refusal === null) return { redemption: { id: redemption.id, storeId, donationId: redemption.donationId, createdAt: redemption.createdAt } };
    // Another scan took that meal: a short random pause, so the retries do not all meet again.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (attempt + 1)));
  }
  throw new ContentionError();
}

/** GET /me/stores/{id}/meals: the owner's view — funded and left, today's redemptions, a month's statement. */
export async function storeMeals(
  deps: { clock: Clock; stores: Pick<StoreRepository, 'get'>; donations: DonationRepository; config: { rules: Pick<Rules, 'timezone'> } },
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
