import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ContentionError } from '../../domain/errors';
import type { PollAnswer, PollRecord } from '../../domain/poll';
import type { AnswerOutcome, PollStore } from '../../domain/poll-ports';
import { batchGetAll, queryAll, type TableContext } from './client';
import { cancellationReasons, isRetryableWriteConflict } from './errors';
import { pollKeys } from './poll-keys';

/** How often a write that lost a race on an item is tried again before the caller is asked to retry. */
const MAX_ATTEMPTS = 8;

/**
 * Polls in the table. An answer is one transaction: the person's answer item (only if there is none)
 * and one more on a counter shard (only while that shard is open). Closing marks the poll and every
 * shard closed at once, so no answer can count after the poll closed.
 */
export class DynamoPollStore implements PollStore {
  constructor(
    private readonly table: TableContext,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((done) => setTimeout(done, ms)),
  ) {}

  async add(poll: PollRecord): Promise<void> {
    const TableName = this.table.tableName;
    const zeros = Object.fromEntries(poll.options.map((_, option) => [pollKeys.optionCounter(option), 0]));
    await this.table.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName,
              Item: { ...pollKeys.item(poll.id), ...pollKeys.assemblyIndex(poll.assemblyId, poll.createdAt, poll.id), type: 'POLL', ...poll },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          ...Array.from({ length: poll.shards }, (_, shard) => ({
            Put: { TableName, Item: { ...pollKeys.shard(poll.id, shard), type: 'POLL_COUNTS', pollId: poll.id, shard, closed: false, ...zeros } },
          })),
        ],
      }),
    );
  }

  async get(pollId: string): Promise<PollRecord | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: pollKeys.item(pollId), ConsistentRead: true }));
    return Item ? toPoll(Item) : null;
  }

  async ofAssembly(assemblyId: string): Promise<PollRecord[]> {
    const items = await queryAll(this.table, {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': pollKeys.assemblyPartition(assemblyId) },
      ScanIndexForward: false,
    });
    return items.map(toPoll);
  }

  async close(next: PollRecord): Promise<boolean> {
    const TableName = this.table.tableName;
    const items = [
      {
        Update: {
          TableName,
          Key: pollKeys.item(next.id),
          UpdateExpression: 'SET #status = :closed, closedAt = :at',
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':closed': 'closed', ':open': 'open', ':at': next.closedAt },
        },
      },
      ...Array.from({ length: next.shards }, (_, shard) => ({
        Update: { TableName, Key: pollKeys.shard(next.id, shard), UpdateExpression: 'SET closed = :true', ExpressionAttributeValues: { ':true': true } },
      })),
    ];
    return this.withRetries(async () => {
      try {
        await this.table.doc.send(new TransactWriteCommand({ TransactItems: items }));
        return true;
      } catch (err) {
        if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') return false;
        throw err;
      }
    });
  }

  async answer(answer: PollAnswer): Promise<AnswerOutcome> {
    const TableName = this.table.tableName;
    const items = [
      {
        Put: {
          TableName,
          Item: { ...pollKeys.answer(answer.pollId, answer.userId), ...pollKeys.answerPerson(answer.userId, answer.pollId), type: 'POLL_ANSWER', ...answer },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Update: {
          TableName,
          Key: pollKeys.shard(answer.pollId, answer.shard),
          UpdateExpression: 'ADD #option :one',
          ConditionExpression: 'closed = :false',
          ExpressionAttributeNames: { '#option': pollKeys.optionCounter(answer.option) },
          ExpressionAttributeValues: { ':one': 1, ':false': false },
        },
      },
    ];
    return this.withRetries(async (): Promise<AnswerOutcome> => {
      try {
        await this.table.doc.send(new TransactWriteCommand({ TransactItems: items }));
        return 'answered';
      } catch (err) {
        const reasons = cancellationReasons(err);
        if (reasons?.[0] === 'ConditionalCheckFailed') return 'already';
        if (reasons?.[1] === 'ConditionalCheckFailed') return 'closed';
        throw err;
      }
    });
  }

  async shardCounts(poll: PollRecord): Promise<number[][]> {
    const keys = Array.from({ length: poll.shards }, (_, shard) => pollKeys.shard(poll.id, shard));
    const shards = await batchGetAll(this.table, keys, true);
    return shards.map((item) => poll.options.map((_, option) => (item[pollKeys.optionCounter(option)] as number | undefined) ?? 0));
  }

  async answeredBy(userId: string, pollIds: readonly string[]): Promise<Set<string>> {
    if (pollIds.length === 0) return new Set();
    const items = await batchGetAll(
      this.table,
      pollIds.map((pollId) => pollKeys.answer(pollId, userId)),
      true,
    );
    return new Set(items.map((item) => item.pollId as string));
  }

  /** Runs a write again when it lost a race on one of its items (another answer on the same shard, the same person at the same moment). */
  private async withRetries<T>(write: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (err) {
        if (!isRetryableWriteConflict(err)) throw err;
        if (attempt >= MAX_ATTEMPTS) throw new ContentionError({ cause: err });
        await this.sleep(Math.random() * 20 * attempt);
      }
    }
  }
}

function toPoll(item: Record<string, unknown>): PollRecord {
  return {
    id: item.id as string,
    assemblyId: item.assemblyId as string,
    dreamId: item.dreamId as string,
    charityId: item.charityId as string,
    question: item.question as string,
    options: item.options as string[],
    status: item.status as PollRecord['status'],
    shards: item.shards as number,
    createdAt: item.createdAt as string,
    closedAt: (item.closedAt as string | null) ?? null,
  };
}
