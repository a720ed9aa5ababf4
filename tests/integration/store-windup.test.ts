import type { Container } from '../../functions/wiring/container';
import type { AuditActor } from '../../functions/domain/audit';
import { donateMeals, myMeals, receivePaymentNotification } from '../../functions/meals/donations';
import { mealPass, redeemMeal, storeMeals } from '../../functions/meals/redemption';
import { recordPayout, resumeStore, suspendStore, windUpStore, windupOf, windupPage } from '../../functions/meals/windup';
import { openStore, reviewStore } from '../../functions/stores/stores';
import { readMealBooks } from '../../functions/adapters/dynamodb/meal-books';
import { reconcileMealBooks } from '../../functions/domain/meal-books';
import { shardOf } from '../../functions/domain/meals';
import { mealKeys } from '../../functions/adapters/dynamodb/meal-keys';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStreams } from '../support/streams';
import { useNotifyReceiver } from '../support/notify-receiver';
import { useAppWithFakeWechat, userWithFlowers } from '../support/test-table';

jest.setTimeout(120_000);

describe('a suspended store’s unredeemed meals: refunded through WeChat Pay or moved, from the stream; payouts never past what is owed', () => {
  const notifications = useNotifyReceiver();
  const { received } = notifications;
  const state = useAppWithFakeWechat({ ownDatabase: true, payments: { notifyPort: () => notifications.port } });
  let app: Container;
  let admin: AuditActor;
  beforeAll(async () => {
    ({ app } = state);
    const { user } = await app.users.findOrCreateByOpenid(`windup-admin-${Date.now()}`, { nickname: '管理员', roles: ['donor', 'admin'] });
    admin = { kind: 'user', id: user.id, label: '管理员' };
  });

  async function activeStore(name = '爱心面馆') {
    const { user: merchant } = await app.users.findOrCreateByOpenid(`merchant-${Date.now()}-${Math.random()}`, {
      nickname: '店主',
      roles: ['donor', 'merchant'],
    });
    const { store } = await openStore(app, merchant.id, { name, city: '深圳', address: '南山区科技园 1 号' });
    await reviewStore(app, admin, store.id, { decision: 'approve' });
    return { storeId: store.id, merchantId: merchant.id };
  }

  async function worker() {
    const { user } = await app.users.findOrCreateByOpenid(`worker-${Date.now()}-${Math.random()}`, { nickname: '环卫工人', roles: ['donor', 'worker'] });
    return user.id;
  }

  async function untilDone(storeId: string) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { windup } = await windupOf(app, storeId);
      if (windup?.status === 'done') return windup;
      if (Date.now() > deadline) throw new Error(`wind-up of ${storeId} not done: ${JSON.stringify(windup)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('refunds every unredeemed meal to its donor once (WeChat Pay refunds, tag-checked notifications); a redelivered page and a repeated notification change nothing', async () => {
    // Arrange: donor A pays for 3 meals (1 is eaten), donor B for 2; then the store is suspended
    const { storeId, merchantId } = await activeStore();
    const a = await userWithFlowers(app, 0);
    const b = await userWithFlowers(app, 0);
    const first = await donateMeals(app, a.id, { storeId, meals: 3 });
    const second = await donateMeals(app, b.id, { storeId, meals: 2 });
    await redeemMeal(app, merchantId, storeId, (await mealPass(app, await worker())).pass);
    await expect(windUpStore(app, admin, storeId, { action: 'refund' })).rejects.toMatchObject({ code: 'STORE_NOT_SUSPENDED' });
    await suspendStore(app, admin, storeId, { reason: '食品安全检查未通过' });
    await expect(donateMeals(app, a.id, { storeId, meals: 1 })).rejects.toMatchObject({ code: 'STORE_NOT_ACTIVE' });
    // Act: the admin refunds; the stream does it
    const streams = await startTestStreams(app);
    try {
      const { windup } = await windUpStore(app, admin, storeId, { action: 'refund' });
      expect(windup).toMatchObject({ status: 'running', action: 'refund', page: 0 });
      await expect(windUpStore(app, admin, storeId, { action: 'refund' })).rejects.toMatchObject({ code: 'WINDUP_RUNNING' });
      await expect(resumeStore(app, admin, storeId)).rejects.toMatchObject({ code: 'WINDUP_RUNNING' });
      const done = await untilDone(storeId);
      // Assert: 4 meals (6,000 fen) refunded, exactly; the queue is empty
      expect(done.done).toMatchObject({ meals: 4, fen: 6_000 });
      await streams.idle(30_000);
      // Each donor is told once per refund that succeeded, in the app
      const told = async (userId: string) => (await app.notifications.list(userId, { limit: 20 })).items.filter((n) => n.type === 'meal_refunded');
      const deadline = Date.now() + 20_000;
      while ((await told(b.id)).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect((await told(b.id)).map((n) => n.title)).toEqual(['你捐的爱心餐已退款', '你捐的爱心餐已退款']);
      expect((await told(a.id)).map((n) => n.body).join('')).toContain('「爱心面馆」暂停营业');
    } finally {
      await streams.stop();
    }
    expect(await app.donations.storeFunds(storeId)).toMatchObject({ meals: 0, fundedFen: 0, served: 1, owedFen: 1_500, refundedFen: 6_000 });
    expect(await app.queue.oldestLots(storeId, 10)).toEqual([]);
    const [donationA, donationB] = await Promise.all([app.donations.get(first.donation.id), app.donations.get(second.donation.id)]);
    expect([donationA?.refundedMeals, donationA?.refundedFen, donationB?.refundedMeals, donationB?.refundedFen]).toEqual([2, 3_000, 2, 3_000]);
    // Each refund was asked of WeChat Pay and succeeded
    const refunds = await Promise.all([0, 1, 2, 3].flatMap((lot) => [first, second].map((d) => app.windup.getRefund(`${d.donation.id}-${lot}`))));
    const made = refunds.filter((r) => r !== null);
    expect(made.map((r) => r!.status)).toEqual(made.map(() => 'succeeded'));
    expect(made.reduce((sum, r) => sum + r!.amountFen, 0)).toBe(6_000);
    // B sees the donation refunded; A sees 1 eaten and 2 refunded
    expect((await myMeals(app, b.id, { limit: 10 })).items[0].donation).toMatchObject({ status: 'refunded', refundedMeals: 2 });
    expect((await myMeals(app, a.id, { limit: 10 })).items[0]).toMatchObject({ donation: { status: 'paid', refundedMeals: 2 }, eaten: [expect.any(Object)] });
    // A redelivered page finds nothing to do; WeChat Pay's refund notifications (and a repeat) change nothing
    expect(await windupPage(app, storeId, 0)).toBe('stale');
    const deadline = Date.now() + 10_000;
    while (received.filter((n) => n.body.length > 0).length < made.length + 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const notification of received) await receivePaymentNotification(app, notification.headers, notification.body);
    for (const notification of received) await receivePaymentNotification(app, notification.headers, notification.body);
    expect(await app.donations.storeFunds(storeId)).toMatchObject({ meals: 0, fundedFen: 0, refundedFen: 6_000 });
    // Nothing is left running: the store may open again
    await expect(resumeStore(app, admin, storeId)).resolves.toMatchObject({ store: { status: 'active' } });
  });

  it('moves a suspended store’s meals to another store, oldest first there too; the books of both move with them', async () => {
    // Arrange: the old store's donation is older than the new store's own
    const { storeId: closing } = await activeStore('要关的店');
    const { storeId: taking, merchantId } = await activeStore('接手的店');
    const old = await donateMeals(app, (await userWithFlowers(app, 0)).id, { storeId: closing, meals: 2 });
    await new Promise((r) => setTimeout(r, 5));
    const newer = await donateMeals(app, (await userWithFlowers(app, 0)).id, { storeId: taking, meals: 1 });
    await suspendStore(app, admin, closing, { reason: '门店歇业' });
    await expect(windUpStore(app, admin, closing, { action: 'move', toStoreId: closing })).rejects.toMatchObject({ code: 'TARGET_NOT_ACTIVE' });
    // Act
    const streams = await startTestStreams(app);
    try {
      await windUpStore(app, admin, closing, { action: 'move', toStoreId: taking });
      expect((await untilDone(closing)).done).toMatchObject({ meals: 2, fen: 3_000 });
    } finally {
      await streams.stop();
    }
    // Assert: the taking store hands out the moved (older) meals first, then its own
    expect(await app.donations.storeFunds(closing)).toMatchObject({ meals: 0, fundedFen: 0, movedOutFen: 3_000 });
    expect(await app.donations.storeFunds(taking)).toMatchObject({ meals: 3, fundedFen: 4_500, movedInFen: 3_000 });
    const taken: string[] = [];
    for (let i = 0; i < 3; i++) taken.push((await redeemMeal(app, merchantId, taking, (await mealPass(app, await worker())).pass)).redemption.donationId);
    expect(taken).toEqual([old.donation.id, old.donation.id, newer.donation.id]);
    expect(await app.donations.storeFunds(taking)).toMatchObject({ meals: 0, fundedFen: 0, served: 3, owedFen: 4_500 });
  });

  it('records payouts never past what the store is owed, also when two land at once; the month’s statement shows them', async () => {
    // Arrange: a store owed 3,000 fen (2 meals eaten)
    const { storeId, merchantId } = await activeStore();
    await donateMeals(app, (await userWithFlowers(app, 0)).id, { storeId, meals: 2 });
    for (let i = 0; i < 2; i++) await redeemMeal(app, merchantId, storeId, (await mealPass(app, await worker())).pass);
    // Act: two payouts of 2,000 at once (only one fits), then one that would go past what is owed
    const outcomes = await Promise.allSettled([1, 2].map((n) => recordPayout(app, admin, storeId, { amountFen: 2_000, reference: `银行回单 ${n}` })));
    const over = recordPayout(app, admin, storeId, { amountFen: 1_001, reference: '银行回单 3' });
    // Assert
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    await expect(over).rejects.toMatchObject({ code: 'PAYOUT_EXCEEDS_OWED', details: { leftFen: 1_000 } });
    await expect(recordPayout(app, admin, storeId, { amountFen: 1_000, reference: '银行回单 4' })).resolves.toMatchObject({ paidOutFen: 3_000 });
    const statement = await storeMeals(app, merchantId, storeId);
    expect(statement).toMatchObject({ owedFen: 3_000, paidOutFen: 3_000, statement: { served: 2, owedFen: 3_000, paidOutFen: 3_000 } });
  });

  it('npm run reconcile’s money check: after all of the above the books balance; a fen moved without an entry is found', async () => {
    // Arrange: everything this file did (payments, scans, refunds, moves, payouts) on its own table
    const clean = reconcileMealBooks(await readMealBooks(app.table));
    expect(clean.issues).toEqual([]);
    expect(clean.inFen).toBe(clean.fundedFen + clean.owedFen + clean.refundedFen);
    // Act: one store's funded money grows by 1 fen with no entry behind it
    const { storeId } = await activeStore();
    const { donation } = await donateMeals(app, (await userWithFlowers(app, 0)).id, { storeId, meals: 1 });
    const shard = mealKeys.fund(storeId, shardOf(donation.id) % app.config.rules.meals.fundShards);
    await app.table.doc.send(
      new UpdateCommand({ TableName: app.table.tableName, Key: shard, UpdateExpression: 'ADD fundedFen :one', ExpressionAttributeValues: { ':one': 1 } }),
    );
    // Assert
    const report = reconcileMealBooks(await readMealBooks(app.table));
    expect(report.issues).toEqual([
      `store ${storeId}: money in (paid + moved in) is 1500, its entries say 1501`,
      `store ${storeId}: fundedFen is 1501, its entries say 1500`,
    ]);
  });
});
