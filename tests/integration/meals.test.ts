import type { Container } from '../../functions/wiring/container';
import { checkDonation, donateMeals, receivePaymentNotification } from '../../functions/meals/donations';
import { mealPass, redeemMeal } from '../../functions/meals/redemption';
import { openStore, reviewStore } from '../../functions/stores/stores';
import { useNotifyReceiver } from '../support/notify-receiver';
import { PinnedClock } from '../support/clock';
import { useAppWithFakeWechat, userWithFlowers } from '../support/test-table';

jest.setTimeout(60_000);

describe('love-meal donations paid with WeChat Pay (the fake, same protocol)', () => {
  // WeChat Pay's notifications come to this receiver (the API's notify URL), which keeps them for the tests.
  const notifications = useNotifyReceiver();
  const { received } = notifications;
  const state = useAppWithFakeWechat({ payments: { notifyPort: () => notifications.port } });
  let app: Container;
  beforeAll(() => {
    ({ app } = state);
  });

  async function activeStore() {
    const { user: merchant } = await app.users.findOrCreateByOpenid(`merchant-${Date.now()}-${Math.random()}`, {
      nickname: '店主',
      roles: ['donor', 'merchant'],
    });
    const { user: admin } = await app.users.findOrCreateByOpenid(`admin-${Date.now()}-${Math.random()}`, { nickname: '管理员', roles: ['donor', 'admin'] });
    const { store } = await openStore(app, merchant.id, { name: '爱心面馆', city: '深圳', address: '南山区科技园 1 号' });
    await reviewStore(app, { kind: 'user', id: admin.id, label: '管理员' }, store.id, { decision: 'approve' });
    return store.id;
  }

  it('pays at once through the fake (the query settles it), grows the store’s funded meals once; the notification and a repeat of it change nothing', async () => {
    // Arrange
    const storeId = await activeStore();
    const donor = await userWithFlowers(app, 0);
    // Act
    const { donation, payment } = await donateMeals(app, donor.id, { storeId, meals: 2 });
    // Assert: paid, with requestPayment's parameters, and the store funded by exactly 2 meals
    expect(donation).toMatchObject({ storeId, meals: 2, amountFen: 3_000, status: 'paid', paidAt: expect.any(String) });
    expect(payment).toMatchObject({ appId: app.config.wechat.appId, signType: 'RSA', package: expect.stringMatching(/^prepay_id=/) });
    expect(await app.donations.storeFunds(storeId)).toMatchObject({ meals: 2, fundedFen: 3_000, served: 0, owedFen: 0 });
    // WeChat Pay's notification comes after the query settled it (late), and again (a duplicate)
    const deadline = Date.now() + 10_000;
    while (!received.some((n) => n.body.includes('TRANSACTION.SUCCESS')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const notification = received.at(-1)!;
    await receivePaymentNotification(app, notification.headers, notification.body);
    await receivePaymentNotification(app, notification.headers, notification.body);
    expect(await app.donations.storeFunds(storeId)).toMatchObject({ meals: 2, fundedFen: 3_000, served: 0, owedFen: 0 });
    expect(await checkDonation(app, donor.id, donation.id)).toMatchObject({ status: 'paid' });
  });

  it('a donation whose payer has not paid stays pending; a forged notification is refused; the real one settles it once', async () => {
    // Arrange: a payer the fake does not pay at once
    const storeId = await activeStore();
    const { user: donor } = await app.users.findOrCreateByOpenid(`wallet-empty-${Date.now()}`, { nickname: '还没付款', roles: ['donor'] });
    const { donation } = await donateMeals(app, donor.id, { storeId, meals: 1 });
    expect(donation.status).toBe('pending');
    // Act 1: a forged notification (signed by nobody we know)
    const forged = JSON.stringify({
      id: 'x',
      event_type: 'TRANSACTION.SUCCESS',
      resource: { algorithm: 'AEAD_AES_256_GCM', ciphertext: 'AAAA', nonce: 'n', associated_data: 'transaction' },
    });
    const headers = {
      'wechatpay-serial': 'PUB_KEY_ID_0000',
      'wechatpay-timestamp': String(Math.floor(Date.now() / 1000)),
      'wechatpay-nonce': 'n',
      'wechatpay-signature': 'c2lnbmF0dXJl',
    };
    await expect(receivePaymentNotification(app, headers, forged)).rejects.toMatchObject({ status: 401, code: 'FAIL' });
    expect((await app.donations.get(donation.id))!.status).toBe('pending');
    expect(await app.donations.storeFunds(storeId)).toMatchObject({ meals: 0, fundedFen: 0, served: 0, owedFen: 0 });
    // Act 2: the payer pays; WeChat Pay's notification arrives and is handed over twice
    const before = received.length;
    await fetch(`${state.wechatpay.url}/__fake__/pay`, { method: 'POST', body: JSON.stringify({ out_trade_no: donation.id, force: true }) });
    const deadline = Date.now() + 10_000;
    while (received.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const real = received.at(-1)!;
    await receivePaymentNotification(app, real.headers, real.body);
    await receivePaymentNotification(app, real.headers, real.body);
    // Assert: paid once
    expect((await app.donations.get(donation.id))!).toMatchObject({ status: 'paid', transactionId: expect.stringMatching(/^4200/) });
    expect(await app.donations.storeFunds(storeId)).toMatchObject({ meals: 1, fundedFen: 1_500, served: 0, owedFen: 0 });
  });

  it('refuses a store that is not active', async () => {
    const { user: merchant } = await app.users.findOrCreateByOpenid(`pending-merchant-${Date.now()}`, { nickname: '新店', roles: ['donor', 'merchant'] });
    const { store } = await openStore(app, merchant.id, { name: '还没开张', city: '深圳', address: '福田区 2 号' });
    const donor = await userWithFlowers(app, 0);
    await expect(donateMeals(app, donor.id, { storeId: store.id, meals: 1 })).rejects.toMatchObject({ status: 409, code: 'STORE_NOT_ACTIVE' });
  });

  async function activeStoreOf() {
    const { user: merchant } = await app.users.findOrCreateByOpenid(`merchant-${Date.now()}-${Math.random()}`, {
      nickname: '店主',
      roles: ['donor', 'merchant'],
    });
    const { user: admin } = await app.users.findOrCreateByOpenid(`admin-${Date.now()}-${Math.random()}`, { nickname: '管理员', roles: ['donor', 'admin'] });
    const { store } = await openStore(app, merchant.id, { name: '环卫爱心驿站', city: '深圳', address: '南山区 3 号' });
    await reviewStore(app, { kind: 'user', id: admin.id, label: '管理员' }, store.id, { decision: 'approve' });
    return { storeId: store.id, merchantId: merchant.id };
  }

  async function worker() {
    const { user } = await app.users.findOrCreateByOpenid(`worker-${Date.now()}-${Math.random()}`, { nickname: '环卫工人', roles: ['donor', 'worker'] });
    return user.id;
  }

  it('3 funded meals and 6 concurrent scans hand out exactly 3; the store is owed for 3', async () => {
    // Arrange: one donation of 3 meals, 6 workers with a pass each
    const { storeId, merchantId } = await activeStoreOf();
    await donateMeals(app, (await userWithFlowers(app, 0)).id, { storeId, meals: 3 });
    const passes = await Promise.all(Array.from({ length: 6 }, async () => (await mealPass(app, await worker())).pass));
    // Act: six scans at once
    const outcomes = await Promise.allSettled(passes.map((pass) => redeemMeal(app, merchantId, storeId, pass)));
    // Assert
    const given = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => (o.reason as { code: string }).code);
    expect(given).toHaveLength(3);
    expect(refused).toEqual(['NO_MEALS_AVAILABLE', 'NO_MEALS_AVAILABLE', 'NO_MEALS_AVAILABLE']);
    expect(await app.donations.storeFunds(storeId)).toMatchObject({ meals: 0, fundedFen: 0, served: 3, owedFen: 4_500 });
  });

  it('takes the oldest funded meal first, across donors; a pass is used once, a worker eats once a day, and only the store’s own merchant scans', async () => {
    // Arrange: donor A pays for 2 meals, then donor B for 2
    const { storeId, merchantId } = await activeStoreOf();
    const first = await donateMeals(app, (await userWithFlowers(app, 0)).id, { storeId, meals: 2 });
    await new Promise((r) => setTimeout(r, 5));
    const second = await donateMeals(app, (await userWithFlowers(app, 0)).id, { storeId, meals: 2 });
    // Act + Assert: FIFO
    const taken: string[] = [];
    for (let i = 0; i < 3; i++) taken.push((await redeemMeal(app, merchantId, storeId, (await mealPass(app, await worker())).pass)).redemption.donationId);
    expect(taken).toEqual([first.donation.id, first.donation.id, second.donation.id]);
    // The rules, on a pinned clock at noon in Shanghai: a minute later is still the same day and
    // the pass's window does not roll over between two asks.
    const clock = new PinnedClock(new Date('2026-12-09T04:00:00.000Z'));
    const pinned = { ...app, clock };
    const eater = await worker();
    const pass = (await mealPass(pinned, eater)).pass;
    await expect(redeemMeal(pinned, merchantId, storeId, 'not-a-pass')).rejects.toMatchObject({ status: 400, code: 'INVALID_PASS' });
    const { merchantId: otherMerchant } = await activeStoreOf();
    await expect(redeemMeal(pinned, otherMerchant, storeId, pass)).rejects.toMatchObject({ status: 403 });
    await expect(redeemMeal(pinned, merchantId, storeId, (await mealPass(pinned, merchantId)).pass)).rejects.toMatchObject({ status: 403 });
    await redeemMeal(pinned, merchantId, storeId, pass);
    // Another meal is funded, so what refuses the next scans is the pass, then the day.
    await donateMeals(app, (await userWithFlowers(app, 0)).id, { storeId, meals: 1 });
    await expect(redeemMeal(pinned, merchantId, storeId, pass)).rejects.toMatchObject({ status: 409, code: 'PASS_ALREADY_USED' });
    // Asking again within the pass's window gives the same (spent) pass; a minute later, a new one.
    expect((await mealPass(pinned, eater)).pass).toBe(pass);
    clock.advanceSeconds(61);
    const nextPass = (await mealPass(pinned, eater)).pass;
    expect(nextPass).not.toBe(pass);
    await expect(redeemMeal(pinned, merchantId, storeId, nextPass)).rejects.toMatchObject({ status: 409, code: 'DAILY_LIMIT_REACHED' });
    expect(await app.donations.storeFunds(storeId)).toMatchObject({ meals: 1, fundedFen: 1_500, served: 4, owedFen: 6_000 });
  });

  it('counts a worker’s meals in the configured period: with a week, Tuesday’s second meal is refused and next Monday’s is given', async () => {
    // Arrange: a store with 3 meals; the rules say one meal a week; a pinned clock on a Monday noon in Shanghai
    const { storeId, merchantId } = await activeStoreOf();
    await donateMeals(app, (await userWithFlowers(app, 0)).id, { storeId, meals: 3 });
    const weekly = (iso: string) => ({
      ...app,
      clock: { now: () => new Date(iso) },
      config: { ...app.config, rules: { ...app.config.rules, meals: { ...app.config.rules.meals, workerPeriod: 'week' as const } } },
    });
    const eater = await worker();
    const scanAt = async (iso: string) => redeemMeal(weekly(iso), merchantId, storeId, (await mealPass(weekly(iso), eater)).pass);
    // Act + Assert
    await expect(scanAt('2026-12-07T04:00:00.000Z')).resolves.toMatchObject({ redemption: { storeId } });
    await expect(scanAt('2026-12-08T04:00:00.000Z')).rejects.toMatchObject({ status: 409, code: 'DAILY_LIMIT_REACHED', message: '本周已领取过爱心餐' });
    await expect(scanAt('2026-12-14T04:00:00.000Z')).resolves.toMatchObject({ redemption: { storeId } });
  });
});
