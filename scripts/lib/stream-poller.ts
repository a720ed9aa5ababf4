/**
 * The local stand-in for Lambda's DynamoDB Streams event source mappings: it reads the table's
 * stream on DynamoDB Local (`@aws-sdk/client-dynamodb-streams`) and calls each stream consumer of
 * serverless.yml (stream-consumers.ts) with the event Lambda would send, under the same rules:
 * - `filterPatterns` (stream-filters.ts): records that match no pattern are skipped;
 * - `batchSize`; `parallelizationFactor` lanes per shard, a record's lane chosen by its partition
 *   key, so one item's records stay in order;
 * - `ReportBatchItemFailures`: the batch is retried from the first failed record; a throw retries
 *   it whole, halved first when `bisectBatchOnFunctionError`; after `maximumRetryAttempts` the
 *   batch's description goes to the on-failure destination (here a JSON-lines file) and the
 *   mapping moves on;
 * - a checkpoint per consumer and shard, written after each group of records, kept in a file under
 *   DATA_DIR, so a restart (or a kill -9) resumes where it was: records after the checkpoint are
 *   delivered again, which the consumers are built to take.
 */
import { createHash, randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import type { StreamConsumer } from './stream-consumers';
import { matchesFilters } from './stream-filters';
import { lambdaRecord } from './stream-records';

export interface StreamPollerOptions {
  endpoint: string;
  tableName: string;
  consumers: StreamConsumer[];
  /** Where checkpoints are kept (a JSON file); none: in memory only. */
  checkpointFile?: string;
  /** The on-failure destination: one JSON line per batch that ran out of retries. */
  deadLetterFile?: string;
  pollMs?: number;
  /** Where a consumer with no checkpoint starts (Lambda's startingPosition); TRIM_HORIZON by default. */
  startingPosition?: 'TRIM_HORIZON' | 'LATEST';
  /** Milliseconds before retry n (1-based); Lambda backs off the same way. */
  retryDelayMs?: (attempt: number) => number;
  log?: (line: string) => void;
}

export interface RunningStreamPoller {
  /** Resolves once every consumer has made its first pass over the stream (its iterators exist). */
  started(): Promise<void>;
  /** Resolves once every consumer has read to the end of the stream and finished what it read. */
  idle(timeoutMs?: number): Promise<void>;
  /** Records handed to each consumer so far, and batches sent to the on-failure destination. */
  stats(): { delivered: Record<string, number>; deadLettered: number; invocations: Record<string, number>; longestInvocationMs: number };
  stop(): Promise<void>;
}

type Checkpoints = Record<string, string>;

export async function startStreamPoller(options: StreamPollerOptions): Promise<RunningStreamPoller> {
  const client = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: 'ap-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  // Lambda polls a shard about four times a second; DynamoDB Local slows as its stream grows, so no faster.
  const pollMs = options.pollMs ?? 250;
  const retryDelay = options.retryDelayMs ?? ((attempt) => Math.min(5_000, 100 * 2 ** (attempt - 1)));
  const log = options.log ?? (() => undefined);
  const { Streams = [] } = await client.send(new ListStreamsCommand({ TableName: options.tableName }));
  const streamArn = Streams.at(-1)?.StreamArn;
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream (ensureTable enables it)`);

  const checkpoints: Checkpoints = options.checkpointFile && existsSync(options.checkpointFile) ? JSON.parse(readFileSync(options.checkpointFile, 'utf8')) : {};
  const saveCheckpoints = () => {
    if (!options.checkpointFile) return;
    mkdirSync(dirname(options.checkpointFile), { recursive: true });
    const temporary = `${options.checkpointFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(checkpoints));
    renameSync(temporary, options.checkpointFile);
  };
  const checkpointKey = (consumer: string, shardId: string) => `${streamArn}|${consumer}|${shardId}`;

  let stopped = false;
  const delivered: Record<string, number> = {};
  const invocations: Record<string, number> = {};
  let deadLettered = 0;
  let longestInvocationMs = 0;
  /** Per consumer: passes that found nothing new on any shard since it was last busy. */
  const quietPasses = new Map<string, number>();
  const failures: Error[] = [];

  const invoke = async (consumer: StreamConsumer, records: DynamoDBRecord[]): Promise<DynamoDBBatchResponse | 'threw'> => {
    const started = Date.now();
    const context = {
      functionName: consumer.name,
      awsRequestId: randomUUID(),
      getRemainingTimeInMillis: () => Math.max(0, started + consumer.timeoutSeconds * 1000 - Date.now()),
    } as Context;
    invocations[consumer.name] = (invocations[consumer.name] ?? 0) + 1;
    try {
      const answer = await consumer.handler({ Records: records }, context);
      return answer ?? { batchItemFailures: [] };
    } catch (err) {
      log(`${consumer.name} threw: ${(err as Error).message}`);
      return 'threw';
    } finally {
      longestInvocationMs = Math.max(longestInvocationMs, Date.now() - started);
    }
  };

  /** One batch until it succeeds or its retries are spent (Lambda's rules, see the top). */
  const runBatch = async (consumer: StreamConsumer, batch: DynamoDBRecord[], shardId: string): Promise<void> => {
    let pending = batch;
    for (let attempt = 0; pending.length > 0 && !stopped; attempt++) {
      const answer = await invoke(consumer, pending);
      if (answer !== 'threw') {
        const failed = consumer.reportsBatchItemFailures ? answer.batchItemFailures.map((f) => f.itemIdentifier) : [];
        const first = pending.findIndex((r) => failed.includes(r.dynamodb?.SequenceNumber ?? ''));
        if (first < 0) return;
        pending = pending.slice(first);
      } else if (consumer.bisectBatchOnFunctionError && pending.length > 1) {
        const half = Math.ceil(pending.length / 2);
        await runBatch(consumer, pending.slice(0, half), shardId);
        await runBatch(consumer, pending.slice(half), shardId);
        return;
      }
      if (attempt >= consumer.maximumRetryAttempts) {
        deadLettered += 1;
        const description = {
          requestContext: { condition: 'RetryAttemptsExhausted', functionArn: `local:${consumer.name}`, approximateInvokeCount: attempt + 1 },
          DDBStreamBatchInfo: {
            shardId,
            startSequenceNumber: pending[0].dynamodb?.SequenceNumber,
            endSequenceNumber: pending.at(-1)!.dynamodb?.SequenceNumber,
            batchSize: pending.length,
            streamArn,
          },
          timestamp: new Date().toISOString(),
        };
        if (options.deadLetterFile) {
          mkdirSync(dirname(options.deadLetterFile), { recursive: true });
          appendFileSync(options.deadLetterFile, `${JSON.stringify(description)}\n`);
        }
        log(`${consumer.name}: batch of ${pending.length} sent to the on-failure destination`);
        return;
      }
      await sleep(retryDelay(attempt + 1));
    }
  };

  /** The records of one GetRecords that match, in lanes by partition key, each lane in batches. */
  const deliver = async (consumer: StreamConsumer, records: DynamoDBRecord[], shardId: string): Promise<void> => {
    const lanes = new Map<number, DynamoDBRecord[]>();
    for (const record of records) {
      const key = JSON.stringify(record.dynamodb?.Keys ?? {});
      const lane = createHash('sha1').update(key).digest().readUInt32BE(0) % consumer.parallelizationFactor;
      lanes.set(lane, [...(lanes.get(lane) ?? []), record]);
    }
    await Promise.all(
      [...lanes.values()].map(async (lane) => {
        for (let i = 0; i < lane.length; i += consumer.batchSize) await runBatch(consumer, lane.slice(i, i + consumer.batchSize), shardId);
      }),
    );
    delivered[consumer.name] = (delivered[consumer.name] ?? 0) + records.length;
  };

  const iterators = new Map<string, string | null>();
  const iteratorFor = async (consumer: string, shard: Shard): Promise<string | null> => {
    const key = checkpointKey(consumer, shard.ShardId!);
    if (iterators.has(key)) return iterators.get(key)!;
    const after = checkpoints[key];
    if (after === 'closed') return null;
    const { ShardIterator } = await client.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shard.ShardId!,
        ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: options.startingPosition ?? 'TRIM_HORIZON' }),
      }),
    );
    iterators.set(key, ShardIterator ?? null);
    return ShardIterator ?? null;
  };

  /** The stream's shards, described again every few seconds (shards roll over rarely). */
  let described: { at: number; shards: Shard[] } | null = null;
  const currentShards = async (): Promise<Shard[]> => {
    if (!described || Date.now() - described.at > 5_000) {
      const { StreamDescription } = await client.send(new DescribeStreamCommand({ StreamArn: streamArn }));
      described = { at: Date.now(), shards: orderByLineage(StreamDescription?.Shards ?? []) };
    }
    return described.shards;
  };

  /** One pass of one consumer over every shard (parents before children); true when it found records. */
  const pass = async (consumer: StreamConsumer): Promise<boolean> => {
    const shards = await currentShards();
    let found = false;
    for (const shard of shards) {
      const key = checkpointKey(consumer.name, shard.ShardId!);
      const parentOpen =
        shard.ParentShardId &&
        shards.some((s) => s.ShardId === shard.ParentShardId) &&
        checkpoints[checkpointKey(consumer.name, shard.ParentShardId)] !== 'closed';
      if (parentOpen) continue;
      const iterator = await iteratorFor(consumer.name, shard);
      if (!iterator) continue;
      let answer;
      try {
        answer = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      } catch (err) {
        if ((err as Error).name === 'ExpiredIteratorException' || (err as Error).name === 'TrimmedDataAccessException') {
          iterators.delete(key);
          continue;
        }
        throw err;
      }
      const records = answer.Records ?? [];
      if (records.length > 0) {
        found = true;
        const matching = records.map((r) => lambdaRecord(r, streamArn)).filter((r) => matchesFilters(r, consumer.filterPatterns));
        if (matching.length > 0) await deliver(consumer, matching, shard.ShardId!);
        if (stopped) return found;
        checkpoints[key] = records.at(-1)!.dynamodb!.SequenceNumber!;
      }
      if (!answer.NextShardIterator) {
        checkpoints[key] = 'closed';
        described = null;
      }
      iterators.set(key, answer.NextShardIterator ?? null);
      if (records.length > 0 || !answer.NextShardIterator) saveCheckpoints();
    }
    return found;
  };

  let firstPasses = 0;
  let allStarted: () => void = () => undefined;
  const started = new Promise<void>((done) => (allStarted = done));
  const loops = options.consumers.map(async (consumer) => {
    let first = true;
    while (!stopped) {
      try {
        const passStarted = Date.now();
        const found = await pass(consumer);
        if (first && ++firstPasses === options.consumers.length) allStarted();
        first = false;
        quietPasses.set(consumer.name, found ? 0 : (quietPasses.get(consumer.name) ?? 0) + 1);
        // At most one pass per pollMs, busy or not, as Lambda polls a shard at a fixed rate: under a
        // crowd, passing again at once made DynamoDB Local answer (and this process decode) many small
        // GetRecords and write the checkpoint file for each, taking the CPU the requests needed.
        await sleep(Math.max(0, pollMs - (Date.now() - passStarted)));
      } catch (err) {
        if (stopped) return;
        failures.push(err as Error);
        log(`${consumer.name}: polling failed: ${(err as Error).message}`);
        quietPasses.set(consumer.name, 0);
        await sleep(500);
      }
    }
  });

  return {
    started: () => started,
    async idle(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      // Two quiet passes in a row: the first may have started before the last write landed.
      for (const consumer of options.consumers) quietPasses.set(consumer.name, 0);
      while (options.consumers.some((c) => (quietPasses.get(c.name) ?? 0) < 2)) {
        if (Date.now() > deadline)
          throw new Error(`the stream consumers were not idle within ${timeoutMs} ms${failures.length ? `: ${failures.at(-1)!.message}` : ''}`);
        await sleep(25);
      }
    },
    stats: () => ({ delivered: { ...delivered }, deadLettered, invocations: { ...invocations }, longestInvocationMs }),
    async stop() {
      stopped = true;
      await Promise.allSettled(loops);
      client.destroy();
    },
  };
}

function orderByLineage(shards: Shard[]): Shard[] {
  const ids = new Set(shards.map((s) => s.ShardId));
  const depth = (shard: Shard): number => {
    let d = 0;
    let current: Shard | undefined = shard;
    while (current?.ParentShardId && ids.has(current.ParentShardId)) {
      d += 1;
      current = shards.find((s) => s.ShardId === current!.ParentShardId);
    }
    return d;
  };
  return [...shards].sort((a, b) => depth(a) - depth(b));
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
