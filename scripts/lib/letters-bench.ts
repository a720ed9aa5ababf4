/**
 * `npm run bench -- letters`: what delivering 小红花来信 costs, written and read, on
 * DynamoDB Local with the stream consumers in this process.
 * - Fan-out on write (what the app does): one adopted dream with BENCH_LETTER_DONORS donors
 *   (20,000); an admin publishes a letter and the stream puts it in every letterbox. Prints
 *   letterboxes filled per second, WCU per donor (AWS's model, from what was written), told twice
 *   or never, and the exact unread count.
 * - The read side for a person who gave to BENCH_LETTER_DREAMS dreams (500) with 2 letters each:
 *   opening the letterbox (one page of 20) as built here, against merging those dreams' timelines
 *   on read (fan-out on read), in milliseconds and RCU (AWS's model, from the bytes read).
 */
import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { adoptDream, donateToDream, proposeDream, reviewDream } from '../../functions/dreams/dreams';
import { fanoutJobId } from '../../functions/domain/fanout';
import { reviewPlan, type LetterRecord } from '../../functions/domain/letter';
import { jobProgress } from '../../functions/events/fanout';
import { myLetters, reviewLetter, submitLetter } from '../../functions/letters/letters';
import { buildContainer, setContainerForTests, type Container } from '../../functions/wiring/container';
import { loadConfig } from '../../functions/shared/config';
import { functionEnvironment, loadLauncherSettings } from './launcher-settings';
import { startFakeWechatServer } from '../fake-wechat-server';
import { ensureTable, startDynamoDbLocal } from './dynamodb-local';
import { freePort } from './ports';
import { seedDonors } from './seed-donors';
import { loadStreamConsumers, readStreamConsumers } from './stream-consumers';
import { startStreamPoller } from './stream-poller';

const DONORS = Number(process.env.BENCH_LETTER_DONORS ?? 20_000);
const DREAMS = Number(process.env.BENCH_LETTER_DREAMS ?? 500);
const LETTERS_EACH = 2;
const PAGE = 20;

/** AWS's read model: 4 KB per RCU, halved for an eventually consistent read, per request rounded up. */
const rcuOf = (bytes: number, consistent = false) => Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);
/** DynamoDB's item size, near enough: the attribute names and values as JSON. */
const sizeOf = (item: unknown) => Buffer.byteLength(JSON.stringify(item), 'utf8');

export async function lettersBench(): Promise<void> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const settings = { ...loadLauncherSettings(), stage: 'test' as const, tableName: 'bench-letters' };
  const wechat = await startFakeWechatServer({ port: 0, appId: settings.wechat.appId, appSecret: settings.wechat.appSecret });
  try {
    await ensureTable(dynamo.endpoint, settings.tableName);
    const app = buildContainer(loadConfig(functionEnvironment(settings, dynamo.endpoint, wechat.url)));
    setContainerForTests(app);
    const write = await fanOutOnWrite(app, dynamo.endpoint, settings.tableName);
    const read = await readSides(app);
    console.table({ ...write, ...read });
  } finally {
    setContainerForTests(undefined);
    await wechat.close();
    await dynamo.stop();
  }
}

async function fanOutOnWrite(app: Container, endpoint: string, tableName: string) {
  const proposer = (await app.users.findOrCreateByOpenid('letters-proposer', { nickname: '发起人', roles: ['donor'] })).user;
  const { dream } = await proposeDream(app, proposer.id, {
    title: '一个有两万捐花人的梦想',
    story: '这是用来测量小红花来信送达能力的基准测试梦想：每一封来信都要送到每一位捐花人。',
    category: 'education',
    targetFlowers: 100,
  });
  await reviewDream(app, dream.id, { decision: 'approve' });
  const giver = (await app.users.findOrCreateByOpenid('letters-giver', { nickname: '捐花人', roles: ['donor'] })).user;
  await app.ledger.move({ userId: giver.id, delta: 100, reason: 'dev_grant', refId: 'bench' });
  await donateToDream(app, giver.id, dream.id, { flowers: 100 });
  const charity = (await app.users.findOrCreateByOpenid('letters-charity', { nickname: '公益机构', roles: ['donor', 'charity'] })).user;
  const admin = (await app.users.findOrCreateByOpenid('letters-admin', { nickname: '审核员', roles: ['donor', 'admin'] })).user;
  await adoptDream(app, charity.id, dream.id);
  const donors = Array.from({ length: DONORS - 1 }, (_, i) => `letters-donor-${String(i).padStart(6, '0')}`);
  await seedDonors(app.table, (await app.dreams.get(dream.id, true))!, donors);
  const letter = await submitLetter(app, charity.id, dream.id, {
    title: '十月的来信',
    body: '图书角的书架已经装好，孩子们第一次借到了新书。',
    happenedAt: new Date().toISOString(),
  });

  const streams = await startStreamPoller({
    endpoint,
    tableName,
    consumers: await loadStreamConsumers(readStreamConsumers()),
    pollMs: 50,
    startingPosition: 'LATEST',
  });
  await streams.started();
  const started = Date.now();
  await reviewLetter(app, { kind: 'user', id: admin.id, label: '审核员' }, letter.id, { decision: 'approve' });
  const jobId = fanoutJobId('letter', letter.id);
  for (;;) {
    const job = (await app.fanout.job(jobId)) ? await jobProgress(app, jobId) : null;
    if (job?.done) break;
    await new Promise((done) => setTimeout(done, 200));
  }
  const seconds = (Date.now() - started) / 1000;
  await streams.stop();

  // What was written: every letterbox entry of this letter, and the pages of the job.
  const perPerson = new Map<string, number>();
  let entryBytes = 0;
  let advances = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await app.table.doc.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      if (item.type === 'LETTERBOX_ENTRY' && item.letterId === letter.id) {
        perPerson.set(item.PK as string, (perPerson.get(item.PK as string) ?? 0) + 1);
        entryBytes += sizeOf(item);
      }
      if (item.type === 'FANOUT_CHUNK' && item.jobId === jobId) advances += item.seq as number;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  const everyone = [giver.id, ...donors];
  const told = [...perPerson.values()].reduce((a, b) => a + b, 0);
  // A delivery is a 2-item transaction (the entry and the unread counter): 2 WCU per item.
  const wcu = told * 2 * 2 + advances;
  const unread = (await myLetters(app, donors[0], { limit: PAGE })).unread;
  return {
    'fan-out on write: donors of the dream': DONORS,
    'letterboxes filled per second': Number((DONORS / seconds).toFixed(1)),
    'WCU per donor (AWS model, from what was written)': Number((wcu / DONORS).toFixed(2)),
    'bytes per letterbox entry': Math.round(entryBytes / Math.max(1, told)),
    'donors given it twice / never': `${[...perPerson.values()].filter((n) => n > 1).length} / ${everyone.filter((id) => !perPerson.has(`USER#${id}`)).length} (must be 0 / 0)`,
    'a donor’s unread count after': `${unread} (must be 1)`,
  };
}

async function readSides(app: Container) {
  // A person who gave to DREAMS dreams, each with LETTERS_EACH published letters: their letterbox
  // (fan-out on write) holds every one; fan-out on read merges the dreams' timelines instead.
  const person = `reader-${randomUUID()}`;
  const dreamIds = Array.from({ length: DREAMS }, (_, i) => `read-dream-${String(i).padStart(4, '0')}`);
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let i = next++; i < dreamIds.length; i = next++) {
        for (let n = 0; n < LETTERS_EACH; n++) {
          const at = new Date(Date.UTC(2026, 0, 1) + (i * LETTERS_EACH + n) * 60_000).toISOString();
          const letter: LetterRecord = {
            id: ulid(),
            dreamId: dreamIds[i],
            authorId: 'bench-charity',
            kind: 'update',
            title: `第 ${n + 1} 封来信`,
            body: '孩子们收到了新书，正在排队借阅。这一个月里，图书角每天都有人来。'.repeat(8),
            photos: [],
            happenedAt: at,
            status: 'in_review',
            createdAt: at,
            publishedAt: null,
            reviewNote: null,
            corrects: null,
            statement: null,
          };
          await app.letters.create(letter);
          await app.letters.decide(reviewPlan(letter, { publish: true, note: null, at, nextDueAt: at }));
          await app.letterbox.deliverOnce(person, { letterId: letter.id, dreamId: dreamIds[i], dreamTitle: `梦想 ${i}`, deliveredAt: at });
        }
      }
    }),
  );

  // Fan-out on write: one page of the letterbox, its letters, and the unread count.
  const written = await timed(async () => {
    const box = await app.letterbox.list(person, { limit: PAGE });
    const letters = await app.letters.getMany(box.items.map((e) => e.letterId));
    const unread = await app.letterbox.unreadCount(person);
    return { bytes: [box.items.map(sizeOf), letters.map(sizeOf)], unread, shown: letters.length };
  });
  const [entryBytes, letterBytes] = written.value.bytes;
  const writeRcu = rcuOf(entryBytes.reduce((a, b) => a + b, 0)) + letterBytes.reduce((sum, bytes) => sum + rcuOf(bytes), 0) + rcuOf(100);

  // Fan-out on read: every dream's newest page, merged (and an unread count would need all of them read again, with read marks).
  const merged = await timed(async () => {
    let bytes = 0;
    let requests = 0;
    let rcu = 0;
    const all: LetterRecord[] = [];
    let at = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = at++; i < dreamIds.length; i = at++) {
          const page = await app.letters.timeline(dreamIds[i], { limit: PAGE });
          const size = page.items.reduce((sum, l) => sum + sizeOf(l), 0);
          bytes += size;
          rcu += rcuOf(size);
          requests++;
          all.push(...page.items);
        }
      }),
    );
    all.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
    return { shown: all.slice(0, PAGE).length, bytes, requests, rcu };
  });
  return {
    [`read: a person who gave to ${DREAMS} dreams (${DREAMS * LETTERS_EACH} letters), one page of ${PAGE}`]: '',
    'fan-out on write: letterbox page + letters + unread count': `${written.ms.toFixed(0)} ms, 3 requests, ${writeRcu} RCU, unread ${written.value.unread} (exact)`,
    'fan-out on read: merge every dream’s timeline': `${merged.ms.toFixed(0)} ms, ${merged.value.requests} requests, ${merged.value.rcu} RCU (no unread count)`,
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}
