import { call, devSignIn, eventually } from '../support/http-client';

jest.setTimeout(60_000);

/** An active store: a merchant opens it, an admin approves it. */
async function activeStore(city = '深圳') {
  const merchant = await devSignIn(['merchant']);
  const admin = await devSignIn(['admin']);
  const opened = await call('POST', '/stores', { token: merchant.token, body: { name: '爱心面馆', city, address: '南山区科技园 1 号' } });
  await call('POST', `/stores/${opened.body.store.id}/review`, { token: admin.token, body: { decision: 'approve' } });
  return { storeId: opened.body.store.id as string, merchant };
}

describe('love-meal donations over HTTP', () => {
  it('a donor buys meals at an active store: 201, paid at once by the local sandbox, with requestPayment’s parameters; a retry with the same key is the same donation', async () => {
    // Arrange
    const { storeId } = await activeStore();
    const donor = await devSignIn();
    const headers = { 'idempotency-key': `meals-${storeId}` };
    // Act
    const first = await call('POST', '/meals/donations', { token: donor.token, body: { storeId, meals: 3 }, headers });
    const again = await call('POST', '/meals/donations', { token: donor.token, body: { storeId, meals: 3 }, headers });
    // Assert
    expect(first.status).toBe(201);
    expect(first.body.donation).toMatchObject({ storeId, meals: 3, amountFen: 4_500, status: 'paid' });
    expect(first.body.payment).toMatchObject({ signType: 'RSA', package: expect.stringMatching(/^prepay_id=/), paySign: expect.any(String) });
    expect(again.body.donation.id).toBe(first.body.donation.id);
    // The store is listed in its city with its funded meals
    const city = `测试城${Date.now() % 100_000}`;
    const { storeId: listed } = await activeStore(city);
    await call('POST', '/meals/donations', { token: donor.token, body: { storeId: listed, meals: 2 }, headers: { 'idempotency-key': `listed-${listed}` } });
    const stores = await call('GET', `/stores?city=${encodeURIComponent(city)}`);
    expect(stores.body.items).toEqual([expect.objectContaining({ id: listed, city, status: 'active', mealsAvailable: 2, mealPriceFen: 1_500 })]);
    expect((await call('GET', '/stores?city=' + encodeURIComponent('没有店的城'))).body.items).toEqual([]);
    expect((await call('POST', `/meals/donations/${first.body.donation.id}/check`, { token: (await devSignIn()).token })).status).toBe(404);
  });

  it('refuses an inactive store, a bad number of meals and a donation without a sign-in', async () => {
    const merchant = await devSignIn(['merchant']);
    const pending = await call('POST', '/stores', { token: merchant.token, body: { name: '还没开张', city: '深圳', address: '福田区 2 号' } });
    const donor = await devSignIn();
    const inactive = await call('POST', '/meals/donations', {
      token: donor.token,
      body: { storeId: pending.body.store.id, meals: 1 },
      headers: { 'idempotency-key': 'inactive-1' },
    });
    expect([inactive.status, inactive.body.error.code]).toEqual([409, 'STORE_NOT_ACTIVE']);
    for (const meals of [0, 1_001, 1.5]) {
      const bad = await call('POST', '/meals/donations', {
        token: donor.token,
        body: { storeId: pending.body.store.id, meals },
        headers: { 'idempotency-key': `bad-${meals}` },
      });
      expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await call('POST', '/meals/donations', { body: { storeId: pending.body.store.id, meals: 1 } })).status).toBe(401);
  });

  it('a notification with a bad signature is refused in WeChat Pay’s shape and the donation stays pending; the real one, late, settles it', async () => {
    // Arrange: a payer the sandbox does not pay at once
    const { storeId } = await activeStore();
    const donor = await devSignIn([], undefined, 'wallet-empty');
    const created = await call('POST', '/meals/donations', {
      token: donor.token,
      body: { storeId, meals: 1 },
      headers: { 'idempotency-key': `pending-${storeId}` },
    });
    const donationId = created.body.donation.id as string;
    expect(created.body.donation.status).toBe('pending');
    // Act 1: a forged notification
    const forged = await call('POST', '/payments/wechatpay/notify', {
      headers: {
        'wechatpay-serial': 'PUB_KEY_ID_0000',
        'wechatpay-timestamp': String(Math.floor(Date.now() / 1000)),
        'wechatpay-nonce': 'n',
        'wechatpay-signature': 'c2ln',
      },
      body: { id: 'x', event_type: 'TRANSACTION.SUCCESS', resource: { algorithm: 'AEAD_AES_256_GCM', ciphertext: 'AAAA', nonce: 'n' } },
    });
    // Assert 1
    expect(forged.status).toBe(401);
    expect(forged.body).toEqual({ code: 'FAIL', message: expect.any(String) });
    expect((await call('POST', `/meals/donations/${donationId}/check`, { token: donor.token })).body.donation.status).toBe('pending');
    // Act 2: the payer pays; WeChat Pay notifies the API
    await fetch(`${process.env.FAKE_WECHATPAY_URL}/__fake__/pay`, { method: 'POST', body: JSON.stringify({ out_trade_no: donationId, force: true }) });
    // Assert 2: paid (by the notification, or by the check's query if it is late)
    const paid = await eventually(
      () => call('POST', `/meals/donations/${donationId}/check`, { token: donor.token }),
      (answer) => answer.body.donation.status === 'paid',
    );
    expect(paid.body.donation).toMatchObject({ status: 'paid', paidAt: expect.any(String) });
    const notifications = await (await fetch(`${process.env.FAKE_WECHATPAY_URL}/__fake__/notifications`)).json();
    expect(notifications.some((n: { delivered: boolean }) => n.delivered)).toBe(true);
  });

  it('a worker shows a pass, the store’s merchant scans it, the donor is told where and when; the rules over HTTP', async () => {
    // Arrange: a funded store and a verified worker
    const { storeId, merchant } = await activeStore();
    const donor = await devSignIn();
    await call('POST', '/meals/donations', { token: donor.token, body: { storeId, meals: 1 }, headers: { 'idempotency-key': `fund-${storeId}` } });
    const worker = await devSignIn(['worker']);
    expect((await call('GET', '/me/meal-pass', { token: donor.token })).status).toBe(403);
    const pass = await call('GET', '/me/meal-pass', { token: worker.token });
    expect(pass.status).toBe(200);
    expect(Date.parse(pass.body.expiresAt) - Date.now()).toBeLessThanOrEqual(90_000);
    // Act
    const otherMerchant = await devSignIn(['merchant']);
    expect((await call('POST', `/stores/${storeId}/redemptions`, { token: otherMerchant.token, body: { pass: pass.body.pass } })).status).toBe(403);
    const forged = await call('POST', `/stores/${storeId}/redemptions`, { token: merchant.token, body: { pass: `${pass.body.pass}x` } });
    expect([forged.status, forged.body.error.code]).toEqual([400, 'INVALID_PASS']);
    const scan = { 'idempotency-key': `scan-${storeId}` };
    const redeemed = await call('POST', `/stores/${storeId}/redemptions`, { token: merchant.token, body: { pass: pass.body.pass }, headers: scan });
    // A scan resent after a lost answer (same key) is the same redemption, not PASS_ALREADY_USED.
    const resent = await call('POST', `/stores/${storeId}/redemptions`, { token: merchant.token, body: { pass: pass.body.pass }, headers: scan });
    // Assert
    expect(redeemed.status).toBe(201);
    expect(redeemed.body.redemption).toMatchObject({ storeId, donationId: expect.any(String), createdAt: expect.any(String) });
    expect([resent.status, resent.body.redemption.id]).toEqual([201, redeemed.body.redemption.id]);
    const again = await call('POST', `/stores/${storeId}/redemptions`, { token: merchant.token, body: { pass: pass.body.pass } });
    expect([again.status, again.body.error.code]).toEqual([409, 'NO_MEALS_AVAILABLE']);
    const told = await eventually(
      () => call('GET', '/me/notifications', { token: donor.token }),
      (answer) => answer.body.items.some((n: { type: string }) => n.type === 'meal_redeemed'),
    );
    const notification = told.body.items.find((n: { type: string }) => n.type === 'meal_redeemed');
    const mine = await call('GET', `/me/stores/${storeId}/meals`, { token: merchant.token });
    expect(mine.body).toMatchObject({
      storeId,
      mealsAvailable: 0,
      served: 1,
      owedFen: 1_500,
      today: [{ id: redeemed.body.redemption.id }],
      statement: { served: 1, owedFen: 1_500, paidOutFen: 0 },
    });
    expect((await call('GET', `/me/stores/${storeId}/meals`, { token: otherMerchant.token })).status).toBe(403);
    const meals = await call('GET', '/me/meals', { token: donor.token });
    expect(meals.body.items[0]).toMatchObject({
      donation: { storeId, meals: 1, status: 'paid' },
      store: { id: storeId, name: '爱心面馆' },
      eaten: [{ storeName: '爱心面馆', at: redeemed.body.redemption.createdAt }],
    });
    expect(notification).toMatchObject({ title: '你捐的爱心餐已被享用', body: expect.stringContaining('爱心面馆'), refId: redeemed.body.redemption.id });
  });

  it('the charity an employer is registered to imports its roster; a worker claims their own row once and can then show a pass', async () => {
    const charity = await devSignIn(['charity']);
    const employer = `环卫所${Date.now() % 100_000}`;
    const admin = await devSignIn(['admin']);
    await call('POST', '/admin/employers', { token: admin.token, body: { employer, charityId: charity.user.id } });
    const person = await devSignIn();
    expect(
      (await call('POST', '/workers/roster', { token: person.token, body: { employer, rows: [{ employeeNumber: 'A001', name: '张师傅' }] } })).status,
    ).toBe(403);
    const imported = await call('POST', '/workers/roster', {
      token: charity.token,
      body: {
        employer,
        rows: [
          { employeeNumber: 'A001', name: '张师傅' },
          { employeeNumber: 'A002', name: '李阿姨' },
        ],
      },
    });
    expect([imported.status, imported.body]).toEqual([201, { imported: 2, skipped: 0 }]);
    expect(
      (await call('POST', '/workers/roster', { token: charity.token, body: { employer, rows: [{ employeeNumber: 'A001', name: '张师傅' }] } })).body,
    ).toEqual({ imported: 0, skipped: 1 });
    expect((await call('GET', '/me/meal-pass', { token: person.token })).status).toBe(403);
    const wrongName = await call('POST', '/me/worker', { token: person.token, body: { employer, employeeNumber: 'A001', name: '王师傅' } });
    expect([wrongName.status, wrongName.body.error.code]).toEqual([409, 'ROSTER_NO_MATCH']);
    const claimed = await call('POST', '/me/worker', { token: person.token, body: { employer, employeeNumber: 'A001', name: '张 师傅' } });
    expect(claimed.status).toBe(200);
    expect(claimed.body.user.roles).toContain('worker');
    expect((await call('GET', '/me/meal-pass', { token: person.token })).status).toBe(200);
    const someoneElse = await devSignIn();
    const taken = await call('POST', '/me/worker', { token: someoneElse.token, body: { employer, employeeNumber: 'A001', name: '张师傅' } });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'ROSTER_ALREADY_CLAIMED']);
    // The charity revokes the row: the pass goes with the role, and the row cannot be claimed again.
    expect((await call('POST', '/workers/roster/revoke', { token: person.token, body: { employer, employeeNumber: 'A001' } })).status).toBe(403);
    const revoked = await call('POST', '/workers/roster/revoke', { token: charity.token, body: { employer, employeeNumber: 'A001' } });
    expect(revoked.body).toEqual({ revoked: true, workerId: claimed.body.user.id });
    expect((await call('GET', '/me/meal-pass', { token: person.token })).status).toBe(403);
    const reclaim = await call('POST', '/me/worker', { token: person.token, body: { employer, employeeNumber: 'A001', name: '张师傅' } });
    expect([reclaim.status, reclaim.body.error.code]).toEqual([409, 'ROSTER_ALREADY_CLAIMED']);
    expect((await call('POST', '/workers/roster/revoke', { token: charity.token, body: { employer, employeeNumber: 'Z999' } })).status).toBe(404);
  });
});
