import type { Container } from '../../functions/wiring/container';
import { donateMeals } from '../../functions/meals/donations';
import { mealPass, redeemMeal } from '../../functions/meals/redemption';
import { openStore, reviewStore } from '../../functions/stores/stores';
import { useNotifyReceiver } from '../support/notify-receiver';
import { PinnedClock } from '../support/clock';
import { useAppWithFakeWechat, userWithFlowers } from '../support/test-table';

jest.setTimeout(60_000);

describe('a worker’s pass says when today’s meal was handed out, and where', () => {
  const notifications = useNotifyReceiver();
  const state = useAppWithFakeWechat({ payments: { notifyPort: () => notifications.port } });
  let app: Container;
  beforeAll(() => {
    ({ app } = state);
  });

  async function fundedStore(name: string) {
    const { user: merchant } = await app.users.findOrCreateByOpenid(`merchant-${Date.now()}-${Math.random()}`, {
      nickname: '店主',
      roles: ['donor', 'merchant'],
    });
    const { user: admin } = await app.users.findOrCreateByOpenid(`admin-${Date.now()}-${Math.random()}`, { nickname: '管理员', roles: ['donor', 'admin'] });
    const { store } = await openStore(app, merchant.id, { name, city: '深圳', address: '南山区 5 号' });
    await reviewStore(app, { kind: 'user', id: admin.id, label: '管理员' }, store.id, { decision: 'approve' });
    await donateMeals(app, (await userWithFlowers(app, 0)).id, { storeId: store.id, meals: 1 });
    return { storeId: store.id, merchantId: merchant.id };
  }

  it('is null before the scan, names the store after it, and is null again the next day', async () => {
    // Arrange: noon in Shanghai, a funded store, a worker with a pass
    const clock = new PinnedClock(new Date('2026-12-09T04:00:00.000Z'));
    const pinned = { ...app, clock };
    const { storeId, merchantId } = await fundedStore('served-today 面馆');
    const { user } = await app.users.findOrCreateByOpenid(`worker-${Date.now()}-${Math.random()}`, { nickname: '环卫工人', roles: ['donor', 'worker'] });
    const before = await mealPass(pinned, user.id);

    // Act: the merchant scans it; the worker's screen asks again a little later, then the next day
    const { redemption } = await redeemMeal(pinned, merchantId, storeId, before.pass);
    clock.advanceSeconds(5);
    const after = await waitForServed(() => mealPass(pinned, user.id));
    clock.advanceSeconds(24 * 60 * 60);
    const nextDay = await mealPass(pinned, user.id);

    // Assert
    expect(before.servedToday).toBeNull();
    expect(after.servedToday).toEqual({ storeName: 'served-today 面馆', servedAt: redemption.createdAt });
    expect(nextDay.servedToday).toBeNull();
  });
});

/** The person index is eventually consistent: ask a few times, as the worker's screen polls. */
async function waitForServed<T extends { servedToday: unknown }>(ask: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const answer = await ask();
    if (answer.servedToday) return answer;
    await new Promise((r) => setTimeout(r, 100));
  }
  return ask();
}
