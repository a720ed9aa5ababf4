import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { QuotaCounter, QuotaCounters } from '../../domain/quota';
import type { TableContext } from './client';
import { isConditionalCheckFailed } from './errors';
import { quotaKeys } from './quota-keys';

/** How long a used window's counter stays after the window ended (the table's TTL removes it). */
const KEEP_AFTER_WINDOW_SECONDS = 3600;

/** Conditional counters (the aws-samples counter pattern): ADD 1 only while below the limit. */
export class DynamoQuotaCounters implements QuotaCounters {
  constructor(private readonly table: TableContext) {}

  async increment(counter: QuotaCounter, limit: number): Promise<boolean> {
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: quotaKeys.counter(counter.subject, counter.name, counter.window.start),
          UpdateExpression: 'ADD #used :one SET #type = :type, expiresAt = :expires',
          ConditionExpression: 'attribute_not_exists(#used) OR #used < :limit',
          ExpressionAttributeNames: { '#used': 'used', '#type': 'type' },
          ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':type': 'QUOTA', ':expires': counter.window.end + KEEP_AFTER_WINDOW_SECONDS },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }

  async used(counter: QuotaCounter): Promise<number> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: quotaKeys.counter(counter.subject, counter.name, counter.window.start), ConsistentRead: true }),
    );
    return (Item?.used as number | undefined) ?? 0;
  }
}
