/**
 * `npm run bench -- fanout`: one dream with BENCH_FANOUT_DONORS donors (100,000) reaches
 * its target on DynamoDB Local, and the stream consumers — in a child process, as Lambda runs
 * them — tell every donor. Midway the child is killed with SIGKILL and started again on its
 * checkpoints. Prints donors told per second, WCU per donor (AWS's model, from what was written),
 * the longest single invocation, and how many people were told twice or not at all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { donateToDream, proposeDream, reviewDream } from '../../functions/dreams/dreams';
import { jobProgress } from '../../functions/events/fanout';
import { fanoutJobId } from '../../functions/domain/fanout';
import { buildContainer } from '../../functions/wiring/container';
import { loadConfig } from '../../functions/shared/config';
import { functionEnvironment, loadLauncherSettings } from './launcher-settings';
import { startFakeWechatServer } from '../fake-wechat-server';
import { ensureTable, startDynamoDbLocal } from './dynamodb-local';
import { freePort } from './ports';
import { seedDonors } from './seed-donors';

const ROOT = resolve(__dirname, '../..');
const DONORS = Number(process.env.BENCH_FANOUT_DONORS ?? 100_000);
/** Donors who subscribed (real accounts, one credit each): WeChat messages go through the fake. */
const SUBSCRIBED = Math.min(DONORS, Number(process.env.BENCH_FANOUT_SUBSCRIBED ?? 1_000));
/** Kill the consumers once this share of the donors has been told. */
const KILL_AT = 0.3;

export async function fanoutBench(): Promise<void> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const settings = { ...loadLauncherSettings(), stage: 'test' as const, tableName: 'bench-fanout' };
  const wechat = await startFakeWechatServer({ port: 0, appId: settings.wechat.appId, appSecret: settings.wechat.appSecret });
  const work = mkdtempSync(join(tmpdir(), 'lrf-fanout-'));
  let child: ChildProcess | undefined;
  try {
    await ensureTable(dynamo.endpoint, settings.tableName);
    const env = functionEnvironment(settings, dynamo.endpoint, wechat.url);
    const app = buildContainer(loadConfig(env));

    // Arrange: an open dream and its donors (a share of them subscribed, with accounts).
    const proposer = (await app.users.findOrCreateByOpenid('fanout-proposer', { nickname: '发起人', roles: ['donor'] })).user;
    const { dream } = await proposeDream(app, proposer.id, {
      title: '一个有十万捐花人的梦想',
      story: '这是用来测量通知扇出能力的基准测试梦想：达成目标时，每一位捐花人都要收到一次通知。',
      category: 'education',
      targetFlowers: 1_000,
    });
    await reviewDream(app, dream.id, { decision: 'approve' });
    const open = (await app.dreams.get(dream.id, true))!;
    const subscribed: string[] = [];
    for (let i = 0; i < SUBSCRIBED; i++) {
      const { user } = await app.users.findOrCreateByOpenid(`fanout-sub-${i}`, { nickname: `订阅者${i}`, roles: ['donor'] });
      await app.subscriptions.grant(user.id, ['dream_executable'], 50);
      subscribed.push(user.id);
    }
    const seeded = [...subscribed, ...Array.from({ length: DONORS - SUBSCRIBED }, (_, i) => `fanout-donor-${String(i).padStart(7, '0')}`)];
    let started = Date.now();
    await seedDonors(app.table, open, seeded);
    console.log(`seeded ${DONORS} donors in ${((Date.now() - started) / 1000).toFixed(1)} s (${SUBSCRIBED} subscribed)`);

    const childEnv = {
      ...process.env,
      ...env,
      AWS_REGION: 'ap-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      FANOUT_CHECKPOINTS: join(work, 'checkpoints.json'),
      FANOUT_STATS: join(work, 'stats.json'),
    };
    let longestInvocationMs = 0;
    const readStats = () => {
      if (!existsSync(childEnv.FANOUT_STATS)) return;
      longestInvocationMs = Math.max(
        longestInvocationMs,
        (JSON.parse(readFileSync(childEnv.FANOUT_STATS, 'utf8')) as { longestInvocationMs: number }).longestInvocationMs,
      );
    };
    const startConsumers = async () => {
      const spawned = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/lib/fanout-consumer.ts')], {
        env: childEnv,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((ready, fail) => {
        spawned.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('consumers ready') && ready());
        spawned.once('exit', (code) => fail(new Error(`the consumers exited (${code})`)));
      });
      return spawned;
    };
    child = await startConsumers();

    // Act: the gift that reaches the target; kill the consumers once, midway; start them again.
    const giver = (await app.users.findOrCreateByOpenid('fanout-giver', { nickname: '最后一朵', roles: ['donor'] })).user;
    await app.ledger.move({ userId: giver.id, delta: 1_000, reason: 'dev_grant', refId: 'bench' });
    started = Date.now();
    const gift = await donateToDream(app, giver.id, dream.id, { flowers: 1_000 });
    const giftMs = Date.now() - started;
    const jobId = fanoutJobId('dream_executable', dream.id);
    const progress = async () => ((await app.fanout.job(jobId)) ? jobProgress(app, jobId) : null);
    let killedAt: number | null = null;
    let restartGapMs = 0;
    for (;;) {
      const now = await progress();
      if (now?.done) break;
      if (killedAt === null && now && now.told >= KILL_AT * DONORS) {
        killedAt = now.told;
        readStats();
        const gapStarted = Date.now();
        child.kill('SIGKILL');
        await new Promise((done) => child!.once('exit', done));
        child = await startConsumers();
        restartGapMs = Date.now() - gapStarted;
        console.log(`killed the consumers (SIGKILL) with ${killedAt} told; restarted in ${(restartGapMs / 1000).toFixed(1)} s`);
      }
      await new Promise((done) => setTimeout(done, 250));
    }
    const totalMs = Date.now() - started;
    readStats();
    child.kill('SIGKILL');

    // Assert what was written: a scan counts every notification, marker and page of this dream.
    const perPerson = new Map<string, number>();
    let advances = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await app.table.doc.send(new ScanCommand({ TableName: settings.tableName, ExclusiveStartKey: start }));
      for (const item of page.Items ?? []) {
        if (item.itemType === 'NOTIFICATION' && item.refId === dream.id) perPerson.set(item.PK as string, (perPerson.get(item.PK as string) ?? 0) + 1);
        if (item.type === 'FANOUT_CHUNK' && item.jobId === jobId) advances += item.seq as number;
      }
      start = page.LastEvaluatedKey;
    } while (start);
    const final = (await jobProgress(app, jobId))!;
    const everyone = [...seeded, giver.id, proposer.id];
    const toldTwice = [...perPerson.values()].filter((n) => n > 1).length;
    const missed = everyone.filter((id) => !perPerson.has(`USER#${id}`)).length;
    const messages = ((await (await fetch(`${wechat.url}/__fake__/messages`)).json()) as unknown[]).length;
    const notifications = [...perPerson.values()].reduce((a, b) => a + b, 0);
    // AWS bills 2 WCU per transactional item (≤ 1 KB) and 1 per plain write: a notification is a
    // 3-item transaction (marker, notification, unread counter), a page is one chunk write, a
    // WeChat message spends one credit; the job's start is 1 + shards items once.
    const wcu = notifications * 3 * 2 + advances + final.sent + final.refused + (1 + open.shardCount) * 2;
    console.table({
      'donors of the dream': DONORS + 1,
      'the gift that reached the target answered in': `${giftMs} ms (it only records the flip)`,
      'donors told per second (whole job, kill and restart included)': Number(((DONORS + 1) / (totalMs / 1000)).toFixed(1)),
      'donors told per second (without the restart gap)': Number(((DONORS + 1) / ((totalMs - restartGapMs) / 1000)).toFixed(1)),
      'job time': `${(totalMs / 1000).toFixed(1)} s`,
      'chunks (donor shards) / pages written': `${final.chunks} / ${advances}`,
      'WCU per donor (AWS model, from what was written)': Number((wcu / (DONORS + 1)).toFixed(2)),
      'longest single invocation': `${longestInvocationMs} ms`,
      'killed midway (SIGKILL) at told': killedAt ?? 'the job finished before the kill point',
      'people told twice': `${toldTwice} (must be 0)`,
      'donors never told': `${missed} (must be 0)`,
      'WeChat messages sent (subscribed donors)': `${messages} of ${SUBSCRIBED}`,
      'job says told / already / left / failed': `${final.told} / ${final.already} / ${final.left} / ${final.failed}`,
      'the dream after': gift.dream.status,
    });
    if (toldTwice || missed || messages > SUBSCRIBED) console.log('target missed: somebody was told twice or not at all');
  } finally {
    child?.kill('SIGKILL');
    await wechat.close();
    await dynamo.stop();
  }
}
