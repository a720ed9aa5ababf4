import { ulid } from 'ulid';
import type { MealDonationView, requestPayment } from '../contract/meals';
import type { z } from 'zod';
import { AppError, BadInputError, NotFoundError, RuleViolation, UnauthenticatedError } from '../domain/errors';
import { donationAmountFen, settlementOf, type DonationRecord, type DonationRepository } from '../domain/meals';
import { PaymentMessageRefused, type PaymentPort, type Transaction } from '../domain/payment';
import type { Clock, UserRepository } from '../domain/ports';
import { quotaSpecs, type Quotas } from '../domain/quota';
import type { StoreRepository } from '../domain/store';
import type { Rules } from '../shared/config';

/**
 * Love-meal donations (issue 13): a pending donation ordered with WeChat Pay, made paid only by a
 * verified payment (a notification, or a query when the notification is late), once.
 */
export interface MealDeps {
  clock: Clock;
  quotas: Quotas;
  users: Pick<UserRepository, 'findById'>;
  stores: Pick<StoreRepository, 'get'>;
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
  return { id: d.id, storeId: d.storeId, meals: d.meals, amountFen: d.amountFen, status: d.status, createdAt: d.createdAt, paidAt: d.paidAt };
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
  // Which fund shard takes it: spread by the donation, so a popular store's payments do not all write one item.
  const shard = parseInt(donation.id.slice(-4), 36);
  const settled = await deps.donations.markPaid(donation, { transactionId: transaction.transactionId ?? '', paidAt }, shard);
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
export async function receivePaymentNotification(deps: MealDeps, headers: Record<string, string | undefined>, rawBody: string): Promise<void> {
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
  if (notification.kind !== 'transaction') return; // refunds: the refund flow (next) records them
  const donation = await deps.donations.get(notification.transaction.outTradeNo);
  if (!donation) throw new NotificationRefused(400, 'no such out_trade_no');
  const outcome = await settle(deps, donation, notification.transaction);
  if (outcome === 'mismatch') throw new NotificationRefused(400, 'amount does not match the order');
}
