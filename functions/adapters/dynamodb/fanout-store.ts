import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { FanoutChunk, FanoutJob, FanoutStore } from '../../domain/fanout';
import type { TableContext } from './client';
import { newestFirstIndexPage } from './cursor';
import { cancellationReasons, isConditionalCheckFailed } from './errors';
import { FANOUT_CHUNK_TYPE, fanoutKeys } from './fanout-keys';

const JOB_ATTRIBUTES = ['id', 'kind', 'refId', 'dreamId', 'shards', 'expected', 'message', 'createdAt'] as const;
const CHUNK_ATTRIBUTES = ['jobId', 'shard', 'seq', 'cursor', 'done', 'updatedAt', 'told', 'already', 'sent', 'refused', 'failed'] as const;

export class DynamoFanoutStore implements FanoutStore {
  constructor(private readonly table: TableContext) {}

  async start(job: FanoutJob, chunks: FanoutChunk[]): Promise<boolean> {
    const TableName = this.table.tableName;
    try {
      // One transaction: a job exists with all its chunks or not at all (≤ 1 + 16 items).
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName,
                Item: { ...fanoutKeys.job(job.id), ...fanoutKeys.jobIndex(job.createdAt, job.id), type: 'FANOUT_JOB', ...job },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            ...chunks.map((chunk) => ({
              Put: { TableName, Item: { ...fanoutKeys.chunk(chunk.jobId, chunk.shard), type: FANOUT_CHUNK_TYPE, ...chunk } },
            })),
          ],
        }),
      );
      return true;
    } catch (err) {
      if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') return false;
      throw err;
    }
  }

  async job(jobId: string): Promise<FanoutJob | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: fanoutKeys.job(jobId), ConsistentRead: true }));
    return Item ? toJob(Item) : null;
  }

  async chunk(jobId: string, shard: number): Promise<FanoutChunk | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: fanoutKeys.chunk(jobId, shard), ConsistentRead: true }));
    return Item ? pick<FanoutChunk>(Item, CHUNK_ATTRIBUTES) : null;
  }

  async chunks(jobId: string): Promise<FanoutChunk[]> {
    const { Items = [] } = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': fanoutKeys.job(jobId).PK, ':prefix': fanoutKeys.chunkPrefix },
        ConsistentRead: true,
      }),
    );
    return Items.map((item) => pick<FanoutChunk>(item, CHUNK_ATTRIBUTES));
  }

  async advance(next: FanoutChunk, expectedSeq: number): Promise<boolean> {
    try {
      // The write is the hand-off: its stream record starts the next page.
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...fanoutKeys.chunk(next.jobId, next.shard), type: FANOUT_CHUNK_TYPE, ...next },
          ConditionExpression: 'seq = :expected',
          ExpressionAttributeValues: { ':expected': expectedSeq },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  async list(page: { limit: number; cursor?: string }): Promise<{ items: FanoutJob[]; nextCursor: string | null }> {
    const found = await newestFirstIndexPage(this.table, 'GSI1', fanoutKeys.jobPartition, page, (sortKey) =>
      fanoutKeys.job(fanoutKeys.jobIdOfIndexKey(sortKey)),
    );
    return { items: found.items.map(toJob), nextCursor: found.nextCursor };
  }

  async deadLetter(entry: { jobId: string; userId: string; topic: string; reason: string; at: string }): Promise<void> {
    await this.table.doc.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: fanoutKeys.deadLetter(entry.jobId, entry.userId),
        UpdateExpression: 'SET #type = :type, topic = :topic, reason = :reason, #at = :at, userId = :user',
        ExpressionAttributeNames: { '#type': 'type', '#at': 'at' },
        ExpressionAttributeValues: {
          ':type': 'FANOUT_DEAD_LETTER',
          ':topic': entry.topic,
          ':reason': entry.reason.slice(0, 500),
          ':at': entry.at,
          ':user': entry.userId,
        },
      }),
    );
  }
}

/** Jobs from before letters had no dreamId: theirs was their refId. */
function toJob(item: Record<string, unknown>): FanoutJob {
  const job = pick<FanoutJob>(item, JOB_ATTRIBUTES);
  return { ...job, dreamId: job.dreamId ?? job.refId };
}

function pick<T>(item: Record<string, unknown>, names: readonly string[]): T {
  return Object.fromEntries(names.map((name) => [name, item[name] ?? null])) as T;
}
