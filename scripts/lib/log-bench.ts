/**
 * `npm run bench -- log`: the public log under the hottest gift load, on DynamoDB Local and the S3
 * emulator, with the real sequencer (serverless.yml's logSequencer) reading the table's stream and
 * the local witness cosigning. Prints:
 *   1. gifts per second, and entries the sequencer integrates per second on a backlog (the ratio);
 *   2. the delay from a gift's 200 to the signed checkpoint that first covers it (p50, p99);
 *   3. the bytes of a receipt (what a phone downloads to verify one gift);
 *   4. the tiles written per million entries and the cost projection (docs/performance.md).
 * BENCH_LOG_GIFTS (default 3,000), BENCH_LOG_BACKLOG (default 3,000) and BENCH_DONORS (64) change the size.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { donateToDream } from '../../functions/dreams/dreams';
import { SALT_BYTES } from '../../functions/domain/log-entries';
import { toBase64 } from '../../functions/domain/log-encoding';
import { inclusionProof } from '../../functions/domain/log-merkle';
import type { PendingEntry } from '../../functions/domain/log-ports';
import { decodeBundle, decodeTile, tilePath, tileSubtrees, tileFor, type TileRef } from '../../functions/domain/log-tiles';
import { integrateEntries } from '../../functions/log/integrate';
import { publishLog } from '../../functions/log/publish';
import { logKeys } from '../../functions/adapters/dynamodb/log-keys';
import { loadConfig } from '../../functions/shared/config';
import { buildContainer } from '../../functions/wiring/container';
import { logDeps } from '../../functions/wiring';
import { startFakeWechatServer } from '../fake-wechat-server';
import { ensureTable, startDynamoDbLocal } from './dynamodb-local';
import { functionEnvironment, loadLauncherSettings } from './launcher-settings';
import { startLocalS3 } from './local-s3';
import { freePort } from './ports';
import { loadStreamConsumers, readStreamConsumers } from './stream-consumers';
import { startStreamPoller } from './stream-poller';
import { startLocalWitness } from './witness-server';

type Container = ReturnType<typeof buildContainer>;
export type ArrangeHotDream = (app: Container, donors: number) => Promise<{ dream: { id: string }; donors: { id: string }[] }>;

const GIFTS = Number(process.env.BENCH_LOG_GIFTS ?? 3_000);
const BACKLOG = Number(process.env.BENCH_LOG_BACKLOG ?? 3_000);
const DONORS = Number(process.env.BENCH_DONORS ?? 64);

const now = () => Number(process.hrtime.bigint()) / 1e6;

export async function logBench(arrangeHotDream: ArrangeHotDream): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lrf-log-bench-'));
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const settings = { ...loadLauncherSettings(), stage: 'test' as const, tableName: 'log-bench' };
  const wechat = await startFakeWechatServer({ port: 0, appId: settings.wechat.appId, appSecret: settings.wechat.appSecret });
  const s3 = await startLocalS3({ bucket: settings.uploadsBucket, dataDir: join(dataDir, 's3') });
  const witness = await startLocalWitness(join(dataDir, 'witness.json'));
  try {
    await ensureTable(dynamo.endpoint, settings.tableName, { stream: true });
    const env = { ...functionEnvironment(settings, dynamo.endpoint, wechat.url, s3.endpoint), LOG_WITNESSES: witness.logWitnesses };
    // The sequencer runs in this process as `npm run api` runs it, reading config from the environment.
    Object.assign(process.env, env, { AWS_REGION: 'ap-east-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', POWERTOOLS_LOG_LEVEL: 'ERROR' });
    const app = buildContainer(loadConfig(env));
    const log = await logDeps();
    const puts = countPuts(log.tiles);
    const spent = timeSequencerParts(log);
    const { dream, donors } = await arrangeHotDream(app, DONORS);
    const specs = readStreamConsumers().filter((spec) => spec.name === 'logSequencer');
    const poller = await startStreamPoller({
      endpoint: dynamo.endpoint,
      tableName: settings.tableName,
      consumers: await loadStreamConsumers(specs),
      startingPosition: 'LATEST',
    });
    await poller.started();

    // 1 + 2: the hot dream's gifts, each one's 200 timed; the served size watched beside them.
    const served: { at: number; size: number }[] = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const size = (await log.log.state())?.published.size ?? 0;
        if (size !== served.at(-1)?.size) served.push({ at: now(), size });
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    const gifts: { ref: string; donorId: string; at: number }[] = [];
    const started = now();
    let next = 0;
    await Promise.all(
      donors.map(async (donor) => {
        for (let index = next++; index < GIFTS; index = next++) {
          const result = await donateToDream(app, donor.id, dream.id, { flowers: 1 + randomInt(5) });
          gifts.push({ ref: result.donation.id, donorId: donor.id, at: now() });
        }
      }),
    );
    const giftSeconds = (now() - started) / 1000;
    await until(() => (served.at(-1)?.size ?? 0) >= GIFTS, 180_000);
    const caughtUpSeconds = (served.at(-1)!.at - started) / 1000;
    watching = false;
    await watcher;
    await poller.stop();
    const indexes = await indexesOf(app, gifts);
    const delays = gifts.map((gift) => served.find((point) => point.size > indexes.get(gift.ref)!)!.at - gift.at).sort((a, b) => a - b);
    const publishesLive = served.filter((point) => point.at >= started).length;

    // 1: the sequencer on a backlog, in the stream's batch size, as one Lambda would take it.
    const signer = await log.signer();
    const batch = specs[0]?.batchSize ?? 300;
    const backlog = backlogGifts(BACKLOG);
    const backlogStarted = now();
    for (let at = 0; at < backlog.length; at += batch) {
      await integrateEntries({ log: log.log, crypto: log.crypto, signer, batchSize: log.batchSize }, backlog.slice(at, at + batch));
      await publishLog({ log: log.log, tiles: log.tiles, crypto: log.crypto, witnesses: log.witnesses, logKey: signer.key });
    }
    const backlogRate = BACKLOG / ((now() - backlogStarted) / 1000);

    // 3: a receipt as GET /me/log-receipts/{ref} answers it, for the first gift at the final size.
    const state = (await log.log.state())!;
    const receipt = await receiptOf(log, indexes.get(gifts[0].ref)!, state.published.size, state.published.note);
    const giftRate = GIFTS / giftSeconds;
    const pct = (p: number) => delays[Math.min(delays.length - 1, Math.floor((p / 100) * delays.length))] / 1000;
    const entryBytes = receipt.entryBytes;
    console.table({
      'gifts/s to one hot dream (stream on, sequencer running)': giftRate.toFixed(1),
      'log entries served/s while live (gifts ÷ time until the last one is served)': (GIFTS / caughtUpSeconds).toFixed(1),
      [`sequencer entries/s on a backlog of ${BACKLOG} (batches of ${batch}, tiles + witness)`]: backlogRate.toFixed(1),
      'ratio backlog entries/s ÷ gifts/s (target ≥ 2)': (backlogRate / giftRate).toFixed(2),
      'delay gift 200 → signed published checkpoint p50 (s)': pct(50).toFixed(2),
      'delay p99 (s) (target ≤ 10)': pct(99).toFixed(2),
      'checkpoints published while live': publishesLive,
      'receipt bytes for one gift (target ≤ 4 KB)': receipt.bytes,
      'entry bytes (dream_gift, canonical JSON)': entryBytes,
      'tile/bundle PUTs (live + backlog)': puts.count,
      'tile/bundle bytes written': puts.bytes,
      'seconds in appends (DynamoDB transactions)': (spent.append / 1000).toFixed(1),
      'seconds in tile/bundle PUTs': (puts.ms / 1000).toFixed(1),
      'seconds waiting on the witness': (spent.witness / 1000).toFixed(1),
    });
    const total = state.published.size;
    console.log(`entries: ${total}; PUTs per entry ${(puts.count / total).toFixed(3)}; bytes written per entry ${(puts.bytes / total).toFixed(0)}`);
    printProjection(entryBytes);
    const missed = [backlogRate / giftRate < 2 && 'ratio < 2', pct(99) > 10 && 'p99 delay > 10 s', receipt.bytes > 4096 && 'receipt > 4 KB'].filter(Boolean);
    console.log(missed.length ? `targets missed: ${missed.join(', ')}` : 'all log targets met (ratio ≥ 2, p99 ≤ 10 s, receipt ≤ 4 KB)');
  } finally {
    await witness.close();
    await s3.stop();
    await wechat.close();
    await dynamo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('the log did not catch up in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Counts the tile store's writes (the PUTs S3 would bill). */
function countPuts(tiles: { put: (path: string, bytes: Uint8Array) => Promise<void> }) {
  const counter = { count: 0, bytes: 0, ms: 0 };
  const put = tiles.put.bind(tiles);
  tiles.put = async (path, bytes) => {
    counter.count++;
    counter.bytes += bytes.length;
    const started = now();
    await put(path, bytes);
    counter.ms += now() - started;
  };
  return counter;
}

/** Where the sequencer's time goes: its append transactions and its witness calls. */
function timeSequencerParts(log: Awaited<ReturnType<typeof logDeps>>) {
  const spent = { append: 0, witness: 0 };
  const append = log.log.append.bind(log.log);
  log.log.append = async (...args) => {
    const started = now();
    try {
      return await append(...args);
    } finally {
      spent.append += now() - started;
    }
  };
  for (const witness of log.witnesses) {
    const add = witness.addCheckpoint.bind(witness);
    witness.addCheckpoint = async (...args) => {
      const started = now();
      try {
        return await add(...args);
      } finally {
        spent.witness += now() - started;
      }
    };
  }
  return spent;
}

/** Each gift's index in the log, from its claim (the salt item in the giver's partition). */
async function indexesOf(app: Container, gifts: { ref: string; donorId: string }[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let at = 0; at < gifts.length; at += 100) {
    const keys = gifts.slice(at, at + 100).map((gift) => logKeys.salt(gift.donorId, gift.ref));
    const answer = await app.table.doc.send(new BatchGetCommand({ RequestItems: { [app.config.tableName]: { Keys: keys } } }));
    for (const item of answer.Responses?.[app.config.tableName] ?? []) out.set(item.ref as string, item.index as number);
  }
  if (out.size !== gifts.length) throw new Error(`${gifts.length - out.size} gifts have no log entry`);
  return out;
}

/** The receipt's JSON as the route answers it: entry, checkpoint, inclusion proof, salt. */
async function receiptOf(log: Awaited<ReturnType<typeof logDeps>>, index: number, size: number, note: string) {
  const { sha256 } = log.crypto;
  const readTile = async (ref: TileRef) => decodeTile((await log.tiles.get(tilePath(ref)))!)!;
  const proof = await inclusionProof(sha256, tileSubtrees(sha256, readTile, size), index, size);
  const bundleRef = tileFor(0, index, size);
  const bundle = decodeBundle((await log.tiles.get(tilePath({ ...bundleRef, level: 'entries' })))!)!;
  const entry = bundle[index % 256];
  const body = JSON.stringify({
    status: 'logged',
    index,
    entry: toBase64(entry),
    checkpoint: note,
    proof: proof.map(toBase64),
    salt: toBase64(new Uint8Array(SALT_BYTES)),
  });
  return { bytes: Buffer.byteLength(body), entryBytes: entry.length };
}

/** Gifts as the stream brings them, for the backlog run. */
function backlogGifts(count: number): PendingEntry[] {
  const at = new Date().toISOString();
  return Array.from({ length: count }, (_, n) => {
    const ref = `backlog-${String(n).padStart(7, '0')}-${randomInt(1e9)}`;
    return {
      ref,
      personId: `bench-donor-${n % 64}`,
      entry: (donor) => ({ v: 1, kind: 'dream_gift', ref, at, dream: 'backlog-dream', flowers: 1 + (n % 5), donor: donor! }),
    };
  });
}

/**
 * Prices assumed (AWS list prices, us-east-1, 2025; ap-east-1 is about 10–20 % dearer): S3
 * Standard $0.023 per GB-month, PUT $0.005 per 1,000, GET $0.0004 per 1,000; DynamoDB on-demand
 * $0.625 per million write request units, $0.25 per GB-month.
 */
export function projection(entryBytes: number, entries: number, publishes: number) {
  const full = (level: number) => entries / 256 ** (level + 1);
  const levels = Math.max(1, Math.ceil(Math.log(entries) / Math.log(256)));
  const fullPuts = full(0) * 2 + Array.from({ length: levels - 1 }, (_, l) => full(l + 1)).reduce((a, b) => a + b, 0);
  // Each publish writes the partial bundle and one partial tile per level; they stay served.
  const partialPuts = publishes * (levels + 1);
  const perPublishBytes = 128 * (entryBytes + 2) + 128 * 32 + (levels - 1) * 128 * 32;
  const s3Bytes = entries * (entryBytes + 2 + 32 * (1 + 1 / 255)) + publishes * perPublishBytes;
  // DynamoDB: an entry, its claim and its salt, each ≤ 1 KB in a transaction (2 WRU each), and the state per batch of 30.
  const wru = entries * 3 * 2 + (entries / 30) * 2 * 4;
  const dynamoBytes = entries * (entryBytes + 100 + 60 + 120);
  const gb = (bytes: number) => bytes / 1e9;
  return {
    s3Puts: fullPuts + partialPuts,
    s3GB: gb(s3Bytes),
    s3PutUsd: ((fullPuts + partialPuts) / 1000) * 0.005,
    s3MonthUsd: gb(s3Bytes) * 0.023,
    dynamoWru: wru,
    dynamoWriteUsd: (wru / 1e6) * 0.625,
    dynamoGB: gb(dynamoBytes),
    dynamoMonthUsd: gb(dynamoBytes) * 0.25,
  };
}

function printProjection(entryBytes: number) {
  const million = projection(entryBytes, 1e6, 1e6 / 69);
  // 99 Giving Day: about 60 million gifts in 10 days, a checkpoint every second (864,000).
  const giving = projection(entryBytes, 6e7, 864_000);
  const row = (p: ReturnType<typeof projection>) => ({
    'S3 PUTs': Math.round(p.s3Puts),
    'S3 PUT $': p.s3PutUsd.toFixed(2),
    'S3 GB': p.s3GB.toFixed(1),
    'S3 $/month': p.s3MonthUsd.toFixed(2),
    'DynamoDB WRU (M)': (p.dynamoWru / 1e6).toFixed(0),
    'DynamoDB write $': p.dynamoWriteUsd.toFixed(2),
    'DynamoDB GB': p.dynamoGB.toFixed(1),
    'DynamoDB $/month': p.dynamoMonthUsd.toFixed(2),
  });
  console.table({ 'per million entries (69 per checkpoint)': row(million), '99 Giving Day (6,000万 gifts, 864,000 checkpoints)': row(giving) });
}
