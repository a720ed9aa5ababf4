/**
 * `npm run bench`: the dream hot spot on DynamoDB Local. Prints
 *   1. gifts per second through the domain operation, 64 concurrent donors on ONE dream;
 *   2. the raw TransactWriteItems rate of the same item shape written directly, and the ratio;
 *   3. write capacity units per gift (ReturnConsumedCapacity);
 *   4. how many distinct partition keys the gifts touch, and the hottest key's share.
 * BENCH_GIFTS (default 10,000) and BENCH_DONORS (default 64) change the size.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomInt, randomUUID } from 'node:crypto';
import { donateToDream, proposeDream, reviewDream } from '../functions/dreams/dreams';
import { dreamTotals } from '../functions/dreams/totals';
import { buildContainer } from '../functions/wiring/container';
import { loadConfig } from '../functions/shared/config';
import { functionEnvironment, loadLauncherSettings } from './lib/launcher-settings';
import { startFakeWechatServer } from './fake-wechat-server';
import { ensureTable, startDynamoDbLocal } from './lib/dynamodb-local';
import { freePort } from './lib/ports';
import { runHttpBench, WARM_UP } from './lib/http-bench';
import { reportHttpBench } from './lib/http-bench-report';
import { parseScriptArgs } from './lib/usage';
import { measureWeappPackages } from './lib/weapp-size';
import { coldBench } from './lib/cold-bench';
import { fanoutBench } from './lib/fanout-bench';
import { lettersBench } from './lib/letters-bench';
import { mealsBench } from './lib/meals-bench';
import { logBench } from './lib/log-bench';
import { signoffBench } from './lib/signoff-bench';
import { assemblyBench } from './lib/assembly-bench';

/**
 * `npm run bench` runs every mode; `npm run bench -- <mode> …` picks: `size` (the mini-program's
 * packages), `domain` (the hot dream through the domain operation), `http` (the same through
 * `npm run api`, with the domain figure of the same run), `cold` (each function's bundle and
 * cold load beside the floor bundle), `fanout` (100,000 donors of one dream told through
 * the stream consumers, killed once midway; it runs only when named, as it takes minutes), `letters`
 * (a letter delivered to 20,000 letterboxes, and the read side of fan-out on write against
 * fan-out on read for a person who gave to 500 dreams; only when named), `meals` (donations
 * to and scans at one store at lunch; only when named).
 */
const USAGE = `
Usage: npm run bench -- [mode ...]        (no mode: size cold domain http)

Modes:
  size     the mini-program's package sizes (main package target ≤ 450 KB)
  cold     each function's bundle and cold load beside the floor bundle
  domain   gifts/s to one hot dream through the domain operation, beside raw TransactWriteItems
  http     the same through npm run api, from a client process of its own and from the bench's
           process, each beside the domain figure of the same run (target HTTP/domain ≥ 0.5)
  fanout   100,000 donors of one dream told through the stream consumers (only when named)
  letters  a letter to 20,000 letterboxes; fan-out on write against on read (only when named)
  meals    donations to and scans at one store at lunch (only when named)
  log      the public log under the hot dream's gifts: sequencer ratio, delay, receipt bytes, cost
           projection (only when named)
  signoff  one distribution of 5,000 recipients signed by 50 staff at once: sign-offs/s, hottest key's
           share, WCU per sign-off, exact progress (only when named; BENCH_SIGNOFF_RECIPIENTS)
  assembly votes/s on one assembly question, 64 voters at a time: exact count, hottest key's share,
           WCU per vote (only when named)

Environment: BENCH_GIFTS (10000), BENCH_DONORS (64), BENCH_HTTP_DONORS (64), BENCH_HTTP_GIFTS_EACH (20).
Log mode: BENCH_LOG_GIFTS (3000), BENCH_LOG_BACKLOG (3000).
`;
const { positionals } = parseScriptArgs(USAGE, {}, { allowPositionals: true });
const MODES = positionals.length ? positionals : ['size', 'cold', 'domain', 'http'];
const HTTP_DONORS = Number(process.env.BENCH_HTTP_DONORS ?? 64);
const HTTP_GIFTS_EACH = Number(process.env.BENCH_HTTP_GIFTS_EACH ?? 20);
const GIFTS = Number(process.env.BENCH_GIFTS ?? 10_000);
const DONORS = Number(process.env.BENCH_DONORS ?? 64);

async function runConcurrently(total: number, workers: number, work: (worker: number, index: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let index = next++; index < total; index = next++) await work(worker, index);
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** The mini-program's package sizes (main package ≤ 450 KB of files). */
function sizeReport() {
  const sizes = measureWeappPackages();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.table({
    'weapp main package (files)': `${kb(sizes.main)} (target ≤ 450 KB; WeChat's limit 2 MB)`,
    ...Object.fromEntries(Object.entries(sizes.subpackages).map(([root, bytes]) => [`weapp subpackage ${root}`, kb(bytes)])),
    'weapp total': kb(sizes.total),
  });
  if (sizes.main > 450 * 1024) console.log('target missed: main package > 450 KB');
}

async function main() {
  if (MODES.includes('size')) sizeReport();
  if (MODES.includes('cold')) await coldBench();
  if (MODES.includes('fanout')) await fanoutBench();
  if (MODES.includes('letters')) await lettersBench();
  if (MODES.includes('meals')) await mealsBench();
  if (MODES.includes('log')) await logBench(arrangeHotDream);
  if (MODES.includes('signoff')) await signoffBench();
  if (MODES.includes('assembly')) await assemblyBench();
  if (!MODES.includes('domain') && !MODES.includes('http')) return;
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  // The bench owns its database and WeChat fake, configured like the API (WECHAT_* honoured).
  const settings = { ...loadLauncherSettings(), stage: 'test' as const, tableName: 'bench' };
  const wechat = await startFakeWechatServer({ port: 0, appId: settings.wechat.appId, appSecret: settings.wechat.appSecret });
  try {
    const { tableName } = settings;
    // No stream: nothing consumes the domain bench's table (see ensureTable).
    await ensureTable(dynamo.endpoint, tableName, { stream: false });
    const app = buildContainer(loadConfig(functionEnvironment(settings, dynamo.endpoint, settings.wechat.apiBase ?? wechat.url)));

    // Arrange: one big open dream and DONORS people with flowers enough for every gift.
    const { dream, donors } = await arrangeHotDream(app, DONORS);

    // 1 + 3 + 4: gifts through the domain operation, observed.
    const keyCounts = new Map<string, number>();
    let wcu = 0;
    let measured = 0;
    let itemsWritten = 0;
    app.table.observer = ({ partitionKeys, writeCapacityUnits }) => {
      itemsWritten += partitionKeys.length;
      for (const pk of new Set(partitionKeys)) keyCounts.set(pk, (keyCounts.get(pk) ?? 0) + 1);
      if (writeCapacityUnits !== undefined) {
        wcu += writeCapacityUnits;
        measured++;
      }
    };
    let flowersGiven = 0;
    const domainSeconds = await runConcurrently(GIFTS, DONORS, async (worker) => {
      const flowers = 1 + randomInt(5);
      await donateToDream(app, donors[worker].id, dream.id, { flowers });
      flowersGiven += flowers;
    });
    app.table.observer = undefined;
    const domainRate = GIFTS / domainSeconds;

    // 2: the same item shape (account update, ledger put, shard update) as bare transactions.
    const doc = app.table.doc;
    const rawSeconds = await runConcurrently(GIFTS, DONORS, async (worker) => {
      const user = donors[worker].id;
      const shard = randomInt(16);
      await doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName,
                Key: { PK: `RAW#${user}`, SK: 'ACCOUNT' },
                UpdateExpression: 'ADD balance :d, version :one',
                ExpressionAttributeValues: { ':d': -1, ':one': 1 },
              },
            },
            {
              Put: {
                TableName: tableName,
                Item: {
                  PK: `RAW#${user}`,
                  SK: `LEDGER#${randomUUID()}`,
                  delta: -1,
                  reason: 'dream_donation',
                  refId: dream.id,
                  note: dream.title,
                  balanceAfter: 0,
                  createdAt: new Date().toISOString(),
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Update: {
                TableName: tableName,
                Key: { PK: `RAW#${dream.id}#S${shard}`, SK: 'SHARD' },
                UpdateExpression: 'ADD flowers :n, room :minus',
                ExpressionAttributeValues: { ':n': 1, ':minus': -1 },
              },
            },
          ],
        }),
      );
    });
    const rawRate = GIFTS / rawSeconds;

    const totals = (await dreamTotals(app.dreams, [(await app.dreams.get(dream.id, true))!], app.clock.now())).get(dream.id)!;
    const hottest = [...keyCounts.entries()].sort((a, b) => b[1] - a[1])[0];
    const dreamKeys = [...keyCounts.keys()].filter((pk) => pk.startsWith(`DREAM#${dream.id}`));
    const figures = {
      gifts: GIFTS,
      donors: DONORS,
      'domain gifts/s': Number(domainRate.toFixed(1)),
      'raw TransactWriteItems/s (same item shape)': Number(rawRate.toFixed(1)),
      'ratio domain/raw': Number((domainRate / rawRate).toFixed(2)),
      'WCU per gift (ConsumedCapacity from DynamoDB Local)': measured ? Number((wcu / measured).toFixed(2)) : 'not reported',
      // AWS bills a transactional write 2 WCU per item per started KB; every item here is < 1 KB.
      'WCU per gift (AWS model: 2 × items)': Number(((2 * itemsWritten) / GIFTS).toFixed(2)),
      'distinct partition keys touched': keyCounts.size,
      'dream partition keys (shards)': dreamKeys.length,
      'hottest key': hottest[0].replace(dream.id, '<dream>'),
      'hottest key share of gifts': `${(hottest[1] / GIFTS).toFixed(3)} (target ≤ 0.125)`,
      'flowers given': flowersGiven,
      'dream flowersRaised (as shown, after the run)': totals.flowersRaised,
      'dream donorCount': totals.donorCount,
    };
    console.table(figures);
    if (MODES.includes('http')) {
      // HTTP against the domain on equal footing: each in a fresh DynamoDB Local, both tables with
      // the stream on (as `npm run api`'s and a deployed table are), the same number of gifts.
      // DynamoDB Local's cost grows with the stream records it holds (docs/performance-profile.md),
      // so a stream-less table, or a database already holding the runs above, measures it, not HTTP.
      const sameFooting = await domainRateOnStreamTable(settings, wechat.url, HTTP_DONORS, HTTP_DONORS * HTTP_GIFTS_EACH);
      const fresh = await startDynamoDbLocal({ port: await freePort() });
      try {
        const http = await runHttpBench(fresh.endpoint, HTTP_DONORS, HTTP_GIFTS_EACH);
        reportHttpBench(http, sameFooting, { donors: HTTP_DONORS, giftsEach: HTTP_GIFTS_EACH });
      } finally {
        await fresh.stop();
      }
    }
    const failed = [
      domainRate / rawRate < 0.5 && 'ratio < 0.5',
      (2 * itemsWritten) / GIFTS > 10 && 'WCU per gift > 10',
      hottest[1] / GIFTS > 1 / 8 && 'hottest key > 1/8',
      totals.flowersRaised !== flowersGiven && 'shown total ≠ flowers given',
    ].filter(Boolean);
    console.log(failed.length ? `targets missed: ${failed.join(', ')}` : 'all targets met (ratio ≥ 0.5, ≤ 10 WCU per gift, hottest key ≤ 1/8)');
  } finally {
    await wechat.close();
    await dynamo.stop();
  }
}

/** One big open dream (approved) and `count` donors with flowers enough for every gift. */
async function arrangeHotDream(app: ReturnType<typeof buildContainer>, count: number, label = 'bench') {
  const proposer = (await app.users.findOrCreateByOpenid(`${label}-proposer`, { nickname: '发起人', roles: ['donor'] })).user;
  const { dream } = await proposeDream(app, proposer.id, {
    title: '九九公益日的大梦想',
    story: '这是一个用来测量热点梦想写入能力的基准测试梦想，有成千上万的人同时为它送小红花。',
    category: 'education',
    targetFlowers: 100_000_000,
  });
  await reviewDream(app, dream.id, { decision: 'approve' });
  const donors = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const { user } = await app.users.findOrCreateByOpenid(`${label}-donor-${i}`, { nickname: `捐赠者${i}`, roles: ['donor'] });
      await app.ledger.move({ userId: user.id, delta: 1_000_000, reason: 'dev_grant', refId: 'bench' });
      return user;
    }),
  );
  return { dream, donors };
}

/**
 * Gifts per second through the domain operation on a fresh database whose table has the stream on,
 * for the HTTP comparison: `gifts` gifts by `donors` people to one dream, as the HTTP workload does.
 */
async function domainRateOnStreamTable(settings: ReturnType<typeof loadLauncherSettings>, wechatUrl: string, donors: number, gifts: number): Promise<number> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  try {
    await ensureTable(dynamo.endpoint, settings.tableName, { stream: true });
    const app = buildContainer(loadConfig(functionEnvironment(settings, dynamo.endpoint, settings.wechat.apiBase ?? wechatUrl)));
    // The same warm-up round the HTTP run gets (scripts/lib/http-bench.ts), on a dream of its own:
    // a fresh JVM is slow for its first minute, and both sides should be measured past it.
    const warm = await arrangeHotDream(app, WARM_UP.donors, 'warm-up');
    await runConcurrently(WARM_UP.donors * WARM_UP.giftsEach, WARM_UP.donors, async (worker) => {
      await donateToDream(app, warm.donors[worker].id, warm.dream.id, { flowers: 1 });
    });
    const { dream, donors: people } = await arrangeHotDream(app, donors);
    const seconds = await runConcurrently(gifts, donors, async (worker) => {
      await donateToDream(app, people[worker].id, dream.id, { flowers: 1 + randomInt(5) });
    });
    const rate = gifts / seconds;
    console.log(`domain gifts/s, fresh database with the stream on, ${gifts} gifts: ${rate.toFixed(1)} (the HTTP ratio's reference)`);
    return rate;
  } finally {
    await dynamo.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
