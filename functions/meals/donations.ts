import { ulid } from 'ulid';
import type { z } from 'zod';
import type { MealDonationView, requestPayment } from '../contract/meals';
import {
  AppError,
  BadInputError,
  NotFoundError,
  PaymentMessageRefused,
  PaymentUnavailableError,
  UnauthenticatedError,
  type PaymentRefusalKind,
} from '../domain/errors';
import {
  donationAmountFen,
  requirePaymentKey,
  settlementOf,
  shardOf,
  shownStatus,
  splitIntoLots,
  type DonationRecord,
  type DonationRepository,
} from '../domain/meals';
import type { PaymentPort, Transaction } from '../domain/payment';
import type { Clock, UserRepository } from '../domain/ports';
import { quotaSpecs, type Quotas } from '../domain/quota';
import { assertStoreActive, type StoreRepository } from '../domain/store';
import type { MealWindupStore } from '../domain/store-windup';
import type { Rules } from '../shared/config';
import { logger } from '../shared/log';
import { settleRefund } from './windup';

/**
 * Love-meal donations: a pending donation ordered with WeChat Pay, made paid only by a verified
 * payment (a notification, or a query when the notification is late), once; and what donors see.
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

/**
 * POST /meals/donations over HTTP: only with an Idempotency-Key (400 otherwise), so that a retry
 * of the app never orders a second payment; the edge has already deduplicated by that key.
 */
export async function donateMealsWithKey(deps: MealDeps, donorId: string, input: { storeId: string; meals: number }, idempotencyKey: string | undefined) {
  requirePaymentKey(idempotencyKey);
  return donateMeals(deps, donorId, input);
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
  assertStoreActive(store);
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
  } catch (cause) {
    throw new PaymentUnavailableError({ cause });
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
  } catch (error) {
    // The donor still gets an answer: the donation as it stands, pending until WeChat Pay answers.
    logger.warn('WeChat Pay order query failed; the donation stays pending', { donationId: donation.id, error });
    return donationView(donation);
  }
  await settle(deps, donation, transaction);
  return donationView((await deps.donations.get(donationId)) ?? donation);
}

/** WeChat Pay's notification refused (the route answers WeChat Pay's own {code: FAIL}). */
class NotificationRefused extends AppError {
  constructor(status: 400 | 401, message: string, options?: ErrorOptions) {
    super(status, 'FAIL', message, undefined, options);
  }
}

/**
 * What a refused message is answered: 401 when it is not shown to be WeChat Pay's, 400 when it is
 * but cannot be read. An event this service never subscribed to is answered like a message not
 * meant for it.
 */
const NOTIFICATION_REFUSAL_STATUS: Record<PaymentRefusalKind, 400 | 401> = { unverified: 401, unreadable: 400, unknown_event: 401 };

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
    if (err instanceof PaymentMessageRefused) throw new NotificationRefused(NOTIFICATION_REFUSAL_STATUS[err.kind], err.reason, { cause: err });
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
