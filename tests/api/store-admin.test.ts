import { call, devSignIn, eventually } from '../support/http-client';

jest.setTimeout(90_000);

/** An active store with `meals` funded meals: a merchant opens it, an admin approves it, a donor pays. */
async function fundedStore(meals: number, name = '爱心面馆') {
  const merchant = await devSignIn(['merchant']);
  const admin = await devSignIn(['admin']);
  const opened = await call('POST', '/stores', { token: merchant.token, body: { name, city: '深圳', address: '南山区科技园 1 号' } });
  const storeId = opened.body.store.id as string;
  await call('POST', `/stores/${storeId}/review`, { token: admin.token, body: { decision: 'approve' } });
  const donor = await devSignIn();
  const paid = await call('POST', '/meals/donations', { token: donor.token, body: { storeId, meals }, headers: { 'idempotency-key': `fund-${storeId}` } });
  expect(paid.body.donation.status).toBe('paid');
  return { storeId, merchant, admin, donor, donationId: paid.body.donation.id as string };
}

describe('an admin suspends a store and refunds or moves its unredeemed meals; payouts', () => {
  it('suspends (no scans, no donations, off the city list), refunds the meals through WeChat Pay from the stream, and the donor sees the refund', async () => {
    // Arrange
    const { storeId, merchant, admin, donor, donationId } = await fundedStore(2);
    const worker = await devSignIn(['worker']);
    // Act + Assert: only admins; then suspended
    expect((await call('POST', `/admin/stores/${storeId}/suspend`, { token: merchant.token, body: { reason: '自查' } })).status).toBe(403);
    const suspended = await call('POST', `/admin/stores/${storeId}/suspend`, { token: admin.token, body: { reason: '食品安全检查未通过' } });
    expect([suspended.status, suspended.body.store.status]).toEqual([200, 'suspended']);
    const again = await call('POST', `/admin/stores/${storeId}/suspend`, { token: admin.token, body: { reason: '再暂停' } });
    expect([again.status, again.body.error.code]).toEqual([409, 'STORE_NOT_ACTIVE']);
    const pass = (await call('GET', '/me/meal-pass', { token: worker.token })).body.pass;
    const scan = await call('POST', `/stores/${storeId}/redemptions`, { token: merchant.token, body: { pass } });
    expect([scan.status, scan.body.error.code]).toEqual([409, 'STORE_NOT_ACTIVE']);
    const city = await call('GET', `/stores?city=${encodeURIComponent('深圳')}&limit=100`);
    expect(city.body.items.map((s: { id: string }) => s.id)).not.toContain(storeId);
    const listed = await call('GET', '/admin/stores?status=suspended&limit=100', { token: admin.token });
    expect(listed.body.items.map((s: { id: string }) => s.id)).toContain(storeId);
    // The refund, done by the stream
    const started = await call('POST', `/admin/stores/${storeId}/unredeemed`, { token: admin.token, body: { action: 'refund' } });
    expect([started.status, started.body.windup.status]).toEqual([201, 'running']);
    const finished = await eventually(
      () => call('GET', `/admin/stores/${storeId}/unredeemed`, { token: admin.token }),
      (answer) => answer.body.windup?.status === 'done',
    );
    expect(finished.body).toMatchObject({
      windup: { action: 'refund', done: { meals: 2, fen: 3_000 } },
      funds: { mealsAvailable: 0, fundedFen: 0, refundedFen: 3_000 },
    });
    const mine = await eventually(
      () => call('GET', '/me/meals', { token: donor.token }),
      (answer) => answer.body.items[0]?.donation.status === 'refunded',
    );
    expect(mine.body.items[0].donation).toMatchObject({ id: donationId, status: 'refunded', refundedMeals: 2 });
    // Open again once nothing runs
    const resumed = await call('POST', `/admin/stores/${storeId}/resume`, { token: admin.token });
    expect([resumed.status, resumed.body.store.status]).toEqual([200, 'active']);
  });

  it('moves the meals to another active store, and refuses a move to an inactive one', async () => {
    // Arrange
    const { storeId, admin } = await fundedStore(1, '要关的店');
    const { storeId: taking } = await fundedStore(1, '接手的店');
    await call('POST', `/admin/stores/${storeId}/suspend`, { token: admin.token, body: { reason: '门店歇业' } });
    // Act + Assert
    const toItself = await call('POST', `/admin/stores/${storeId}/unredeemed`, { token: admin.token, body: { action: 'move', toStoreId: storeId } });
    expect([toItself.status, toItself.body.error.code]).toEqual([409, 'TARGET_NOT_ACTIVE']);
    const moved = await call('POST', `/admin/stores/${storeId}/unredeemed`, { token: admin.token, body: { action: 'move', toStoreId: taking } });
    expect(moved.status).toBe(201);
    await eventually(
      () => call('GET', `/admin/stores/${storeId}/unredeemed`, { token: admin.token }),
      (answer) => answer.body.windup?.status === 'done',
    );
    const target = await call('GET', `/admin/stores/${taking}/unredeemed`, { token: admin.token });
    expect(target.body).toMatchObject({ windup: null, funds: { mealsAvailable: 2, movedInFen: 1_500 } });
  });

  it('records a payout within what the store is owed, once per Idempotency-Key, and the merchant’s statement shows it', async () => {
    // Arrange: a store owed 1,500 fen
    const { storeId, merchant, admin } = await fundedStore(1);
    const worker = await devSignIn(['worker']);
    await call('POST', `/stores/${storeId}/redemptions`, {
      token: merchant.token,
      body: { pass: (await call('GET', '/me/meal-pass', { token: worker.token })).body.pass },
    });
    const headers = { 'idempotency-key': `payout-${storeId}` };
    // Act
    const paid = await call('POST', `/admin/stores/${storeId}/payouts`, {
      token: admin.token,
      body: { amountFen: 1_500, reference: '银行回单 0001' },
      headers,
    });
    const retried = await call('POST', `/admin/stores/${storeId}/payouts`, {
      token: admin.token,
      body: { amountFen: 1_500, reference: '银行回单 0001' },
      headers,
    });
    const over = await call('POST', `/admin/stores/${storeId}/payouts`, { token: admin.token, body: { amountFen: 1, reference: '银行回单 0002' } });
    // Assert
    expect([paid.status, paid.body.paidOutFen, retried.body.payout.id]).toEqual([201, 1_500, paid.body.payout.id]);
    expect([over.status, over.body.error.code, over.body.error.details]).toEqual([409, 'PAYOUT_EXCEEDS_OWED', { leftFen: 0 }]);
    expect((await call('POST', `/admin/stores/${storeId}/payouts`, { token: merchant.token, body: { amountFen: 1, reference: 'x' } })).status).toBe(403);
    const statement = await call('GET', `/me/stores/${storeId}/meals`, { token: merchant.token });
    expect(statement.body).toMatchObject({ owedFen: 1_500, paidOutFen: 1_500, statement: { served: 1, owedFen: 1_500, paidOutFen: 1_500 } });
  });
});
