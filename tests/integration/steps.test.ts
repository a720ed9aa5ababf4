import { randomUUID } from 'node:crypto';
import { encryptOpenData } from '../../functions/adapters/wechat/open-data';
import { reconcileAll } from '../../scripts/checks/flower-accounts';
import { dayBoundsSeconds } from '../../functions/domain/calendar';
import { sponsorShardBudgets } from '../../functions/domain/sponsor-budget';
import type { Container } from '../../functions/wiring/container';
import { donateSteps, listStepDonations } from '../../functions/steps/steps';
import { PinnedClock } from '../support/clock';
import { freshContainer, userWithFlowers } from '../support/test-table';

jest.setTimeout(180_000);

const ZONE = 'Asia/Shanghai';

describe('step donations against DynamoDB Local', () => {
  let app: Container;
  const clock = new PinnedClock(new Date('2026-11-25T04:00:00Z')); // 12:00 in Shanghai
  beforeAll(async () => {
    app = await freshContainer({ clock });
  });

  it('converts 1 flower per full 1,000 steps and caps at 20 a day', async () => {
    const a = await userWithFlowers(app, 0);
    const b = await userWithFlowers(app, 0);
    expect((await donateSteps(app, a.id, { steps: 7_999 })).flowers).toBe(7);
    expect((await donateSteps(app, b.id, { steps: 64_000 })).flowers).toBe(20);
  });

  it('refuses under 1,000 steps without using up the day, and above 100,000 as malformed', async () => {
    const user = await userWithFlowers(app, 0);
    await expect(donateSteps(app, user.id, { steps: 999 })).rejects.toMatchObject({ status: 409, code: 'NOT_ENOUGH_STEPS' });
    await expect(donateSteps(app, user.id, { steps: 100_001 })).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    await expect(donateSteps(app, user.id, { steps: 3_000 })).resolves.toMatchObject({ flowers: 3, balance: 3 });
  });

  it('10 concurrent donations of one day credit once; the rest are ALREADY_DONATED_TODAY', async () => {
    const user = await userWithFlowers(app, 0);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => donateSteps(app, user.id, { steps: 12_000 })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .forEach((r) => expect(r.reason).toMatchObject({ code: 'ALREADY_DONATED_TODAY' }));
    expect(await app.ledger.getAccount(user.id)).toMatchObject({ balance: 12, version: 1 });
    expect((await reconcileAll(app.users, app.ledger)).issues).toEqual([]);
  });

  it('a sponsor matches at its rate but never more than the per-person daily cap', async () => {
    // Arrange: a generous sponsor (300 fen per 10,000 steps) with plenty of budget
    const isolated = await freshContainer({ clock });
    const cap = isolated.config.rules.sponsors.maxMatchFenPerUserPerDay;
    const sponsor = await isolated.sponsors.create(
      { name: '暖阳基金', logoText: '暖阳', fenPer10kSteps: 300, budgetFen: 100_000, status: 'active', shardBudgetsFen: sponsorShardBudgets(100_000) },
      clock.now().toISOString(),
    );
    const [small, big] = await Promise.all([userWithFlowers(isolated, 0), userWithFlowers(isolated, 0)]);
    // Act
    const under = await donateSteps(isolated, small.id, { steps: 10_000 });
    const over = await donateSteps(isolated, big.id, { steps: 90_000 });
    // Assert: 300 fen by rate; 2,700 by rate, cut to the cap
    expect(under.match).toMatchObject({ sponsorId: sponsor.id, amountFen: 300 });
    expect(cap).toBeLessThan(2_700);
    expect(over.match).toMatchObject({ sponsorId: sponsor.id, amountFen: cap });
    const books = await isolated.sponsors.reconcile(sponsor.id);
    expect([books.matchedSum, books.remainingFen]).toEqual([300 + cap, 100_000 - 300 - cap]);
  });

  it('the next Shanghai day (after 16:00 UTC) may donate again, and the history lists both days', async () => {
    const user = await userWithFlowers(app, 0);
    clock.set('2026-11-25T15:59:59Z');
    await donateSteps(app, user.id, { steps: 5_000 });
    clock.set('2026-11-25T16:00:00Z');
    await expect(donateSteps(app, user.id, { steps: 6_000 })).resolves.toMatchObject({ date: '2026-11-26', flowers: 6 });
    const history = await listStepDonations(app, user.id, { limit: 7 });
    expect(history.items.map((d) => [d.date, d.steps, d.flowers])).toEqual([
      ['2026-11-26', 6_000, 6],
      ['2026-11-25', 5_000, 5],
    ]);
    clock.set('2026-11-25T04:00:00Z');
  });

  it('decrypts WeRun data with the stored session_key and takes the entry of today', async () => {
    const user = await userWithFlowers(app, 0);
    const sessionKey = Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64');
    await app.users.saveSessionKey(user.id, sessionKey);
    const [today] = dayBoundsSeconds('2026-11-25', ZONE);
    const werun = encryptOpenData(
      {
        stepInfoList: [
          { timestamp: today - 86_400, step: 30_000 },
          { timestamp: today, step: 8_500 },
        ],
        watermark: { appid: app.config.wechat.appId, timestamp: today },
      },
      sessionKey,
    );
    await expect(donateSteps(app, user.id, werun)).resolves.toMatchObject({ date: '2026-11-25', steps: 8_500, flowers: 8 });
  });

  it('refuses data encrypted for another app id or with another key as INVALID_WERUN_DATA', async () => {
    const user = await userWithFlowers(app, 0);
    const sessionKey = Buffer.alloc(16, 7).toString('base64');
    await app.users.saveSessionKey(user.id, sessionKey);
    const [today] = dayBoundsSeconds('2026-11-25', ZONE);
    const otherApp = encryptOpenData(
      { stepInfoList: [{ timestamp: today, step: 9_000 }], watermark: { appid: 'wx-someone-else', timestamp: today } },
      sessionKey,
    );
    const otherKey = encryptOpenData(
      { stepInfoList: [{ timestamp: today, step: 9_000 }], watermark: { appid: app.config.wechat.appId, timestamp: today } },
      Buffer.alloc(16, 8).toString('base64'),
    );
    await expect(donateSteps(app, user.id, otherApp)).rejects.toMatchObject({ status: 400, code: 'INVALID_WERUN_DATA' });
    await expect(donateSteps(app, user.id, otherKey)).rejects.toMatchObject({ status: 400, code: 'INVALID_WERUN_DATA' });
    expect((await app.ledger.getAccount(user.id))!.version).toBe(0);
  });

  it('a sponsor budget never goes below zero under 50 concurrent donations, and its books balance', async () => {
    // Arrange: a fresh table with one sponsor whose budget covers only some of 50 matches
    const isolated = await freshContainer({ clock });
    const sponsor = await isolated.sponsors.create(
      { name: '绿动科技', logoText: '绿动', fenPer10kSteps: 100, budgetFen: 2_000, status: 'active', shardBudgetsFen: sponsorShardBudgets(2_000) },
      clock.now().toISOString(),
    );
    const users = await Promise.all(Array.from({ length: 50 }, () => userWithFlowers(isolated, 0)));
    // Act: 50 people donate 30,000 steps (300 fen each by rate, capped at 500 per person a day)
    const results = await Promise.all(users.map((u) => donateSteps(isolated, u.id, { steps: 30_000 })));
    // Assert
    const matched = results.reduce((sum, r) => sum + (r.match?.amountFen ?? 0), 0);
    const books = await isolated.sponsors.reconcile(sponsor.id);
    expect(books.remainingFen).toBeGreaterThanOrEqual(0);
    expect(matched).toBe(2_000);
    expect(books.matchedSum).toBe(matched);
    expect(books.budgetFen).toBe(books.remainingFen + books.matchedSum);
    expect(results.every((r) => r.flowers === 20)).toBe(true);
    expect((await reconcileAll(isolated.users, isolated.ledger)).issues).toEqual([]);
  });
});
