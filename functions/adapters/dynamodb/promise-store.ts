import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PromiseRecord } from '../../domain/promise';
import type { PromiseStore } from '../../domain/promise-ports';
import { queryAll, type TableContext } from './client';
import { isConditionalCheckFailed } from './errors';
import { promiseKeys } from './promise-keys';

/** Promises in the table. The item's type and status are what the stream's filter looks at (a promise done tells its donors). */
export class DynamoPromiseStore implements PromiseStore {
  constructor(private readonly table: TableContext) {}

  async add(record: PromiseRecord): Promise<void> {
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: { ...promiseKeys.item(record.id), ...promiseKeys.dreamIndex(record.dreamId, record.dueDate, record.id), type: 'PROMISE', ...record },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async get(promiseId: string): Promise<PromiseRecord | null> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: promiseKeys.item(promiseId), ConsistentRead: true }));
    return Item ? toPromise(Item) : null;
  }

  async settle(next: PromiseRecord): Promise<boolean> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: promiseKeys.item(next.id),
          UpdateExpression: 'SET #status = :status, doneAt = :doneAt, settledAt = :settledAt, note = :note',
          ConditionExpression: '#status = :inProgress',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': next.status,
            ':doneAt': next.doneAt,
            ':settledAt': next.settledAt,
            ':note': next.note,
            ':inProgress': 'in_progress',
          },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  async ofDream(dreamId: string): Promise<PromiseRecord[]> {
    const items = await queryAll(this.table, {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': promiseKeys.dreamPartition(dreamId) },
      ScanIndexForward: false,
    });
    return items.map(toPromise);
  }
}

function toPromise(item: Record<string, unknown>): PromiseRecord {
  return {
    id: item.id as string,
    dreamId: item.dreamId as string,
    assemblyId: item.assemblyId as string,
    questionId: (item.questionId as string | null) ?? null,
    text: item.text as string,
    dueDate: item.dueDate as string,
    status: item.status as PromiseRecord['status'],
    charityId: item.charityId as string,
    createdAt: item.createdAt as string,
    doneAt: (item.doneAt as string | null) ?? null,
    settledAt: (item.settledAt as string | null) ?? null,
    note: (item.note as string | null) ?? null,
  };
}
