/**
 * `npm run bench -- meals`: one store at lunch, on DynamoDB Local with the fake WeChat Pay.
 * - Donations per second to one store: BENCH_MEAL_DONATIONS (300) donations of 1–3 meals from 32
 *   donors at once (each ordered, paid by the fake and settled by a query, as in local).
 * - Redemptions per second at that store: BENCH_MEAL_SCANS (600) scans by 32 cashiers at once, each
 *   a different worker's pass.
 * For both, the hottest key's share of the writes that move meals (the lots and the fund shards).
 */
import { ulid } from 'ulid';
import { buildContainer, type Container } from '../../functions/wiring/container';
import { loadConfig } from '../../functions/shared/config';
import { functionEnvironment, loadLauncherSettings } from './launcher-settings';
import { donateMeals } from '../../functions/meals/donations';
import { mealPass, redeemMeal } from '../../functions/meals/redemption';
import { openStore, reviewStore } from '../../functions/stores/stores';
import type { RedeemInput } from '../../functions/domain/meals';
import { ensureTable, startDynamoDbLocal } from './dynamodb-local';
import { startLocalWechatPay } from './local-wechatpay';
import { freePort } from './ports';

const DONATIONS = Number(process.env.BENCH_MEAL_DONATIONS ?? 300);
const SCANS = Number(process.env.BENCH_MEAL_SCANS ?? 600);
const CONCURRENCY = 32;

async function concurrently(total: number, work: (index: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < total; i = next++) await work(i);
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const share = (counts: Map<string, number>, total: number) => Math.max(0, ...counts.values()) / Math.max(1, total);

export async function mealsBench(): Promise<void> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const settings = { ...loadLauncherSettings(), stage: 'test' as const, tableName: 'bench-meals' };
  const payment = await startLocalWechatPay({ apiPort: await freePort(), wechat: settings.wechat });
  try {
    // No stream: nothing consumes it here, and DynamoDB Local slows every write as records pile up.
    await ensureTable(dynamo.endpoint, settings.tableName, { stream: false });
    const app: Container = buildContainer(loadConfig({ ...functionEnvironment(settings, dynamo.endpoint, 'http://127.0.0.1:1'), ...payment.env }));
    const person = async (name: string, roles: ('merchant' | 'admin' | 'worker')[] = []) =>
      (await app.users.findOrCreateByOpenid(`bench-${name}-${ulid()}`, { nickname: name, roles: ['donor', ...roles] })).user.id;
    const merchant = await person('店主', ['merchant']);
    const { store } = await openStore(app, merchant, { name: '午餐很忙的面馆', city: '深圳', address: '南山区科技园 1 号' });
    await reviewStore(app, { kind: 'user', id: await person('管理员', ['admin']), label: '管理员' }, store.id, { decision: 'approve' });

    // Donations: 32 donors at once.
    const donors = await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => person(`捐餐人${i}`)));
    let meals = 0;
    const donationSeconds = await concurrently(DONATIONS, async (i) => {
      const count = 1 + (i % 3);
      meals += count;
      const { donation } = await donateMeals(app, donors[i % CONCURRENCY], { storeId: store.id, meals: count });
      if (donation.status !== 'paid') throw new Error('a donation was not paid');
    });
    const funded = await app.donations.storeFunds(store.id);

    // Redemptions: 32 cashiers scanning different workers' passes at once; every meal-moving write counted by key.
    const workers = await Promise.all(Array.from({ length: SCANS }, (_, i) => person(`环卫工人${i}`, ['worker'])));
    const passes = await Promise.all(workers.map(async (w) => (await mealPass(app, w)).pass));
    const keys = new Map<string, number>();
    let attempts = 0;
    const redeem = app.queue.redeem.bind(app.queue);
    app.queue.redeem = async (input: RedeemInput) => {
      attempts++;
      const lotKey = `LOT#${input.lot.donationId}#${input.lot.lot}`;
      const fundKey = `FUND#${input.shard % app.config.rules.meals.fundShards}`;
      const refusal = await redeem(input);
      if (refusal === null) for (const key of [lotKey, fundKey]) keys.set(key, (keys.get(key) ?? 0) + 1);
      return refusal;
    };
    let given = 0;
    let refused = 0;
    let busy = 0;
    const scans = Math.min(SCANS, funded.meals);
    const scanSeconds = await concurrently(scans, async (i) => {
      // As the app does: a 503 BUSY_TRY_AGAIN is scanned again (the pass is not spent by it).
      for (let tries = 0; tries < 3; tries++) {
        try {
          await redeemMeal(app, merchant, store.id, passes[i]);
          given++;
          return;
        } catch (err) {
          if ((err as { code?: string }).code !== 'BUSY_TRY_AGAIN') break;
          busy++;
        }
      }
      refused++;
    });
    const after = await app.donations.storeFunds(store.id);
    const lotShare = share(new Map([...keys].filter(([k]) => k.startsWith('LOT#'))), given);
    const fundShare = share(new Map([...keys].filter(([k]) => k.startsWith('FUND#'))), given);
    console.table({
      'donations to one store (32 donors at once)': DONATIONS,
      'donations per second (order, the fake pays, a query settles)': Number((DONATIONS / donationSeconds).toFixed(1)),
      'meals funded (= the fund shards’ sum)': `${meals} = ${funded.meals}`,
      'scans at one store (32 cashiers at once)': scans,
      'redemptions per second': Number((given / scanSeconds).toFixed(1)),
      'meals handed out / refused (must be all / 0)': `${given} / ${refused}`,
      '503 BUSY_TRY_AGAIN answers, scanned again': busy,
      'transactions tried per meal handed out (retries after another scan took the meal)': Number((attempts / Math.max(1, given)).toFixed(2)),
      'hottest lot’s share of the scans (a donation’s meals are up to 4 lots)': Number(lotShare.toFixed(3)),
      'hottest fund shard’s share of the scans (8 shards)': Number(fundShare.toFixed(3)),
      'store after: funded / served / owed fen': `${after.meals} / ${after.served} / ${after.owedFen}`,
    });
    if (refused || after.served !== given || after.meals !== funded.meals - given) console.log('target missed: meals handed out do not add up');
  } finally {
    await payment.fake.close();
    await dynamo.stop();
  }
}
