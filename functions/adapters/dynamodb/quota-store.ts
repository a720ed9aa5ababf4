import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { quotaWindow, RateLimitedError, retryAfterSeconds, type Quotas, type QuotaSpec } from '../../domain/quota';
import type { TableContext } from './client';
import { isConditionalCheckFailed } from './errors';
import { quotaKeys } from './quota-keys';

/** How long a used window's counter stays after the window ended (the table's TTL removes it). */
const KEEP_AFTER_WINDOW_SECONDS = 3600;

/** Conditional counters (the aws-samples counter pattern): ADD 1 only while below the limit. */
export class DynamoQuotaStore implements Quotas {
  constructor(private readonly table: TableContext) {}

  async take(subject: string, spec: QuotaSpec, now: Date): Promise<void> {
    const window = quotaWindow(now, spec.windowSeconds);
    try {
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: quotaKeys.counter(subject, spec.name, window.start),
          UpdateExpression: 'ADD #used :one SET #type = :type, expiresAt = :expires',
          ConditionExpression: 'attribute_not_exists(#used) OR #used < :limit',
          ExpressionAttributeNames: { '#used': 'used', '#type': 'type' },
          ExpressionAttributeValues: { ':one': 1, ':limit': spec.limit, ':type': 'QUOTA', ':expires': window.end + KEEP_AFTER_WINDOW_SECONDS },
        }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) throw new RateLimitedError(retryAfterSeconds(now, spec.windowSeconds));
      throw err;
    }
  }

  async check(subject: string, spec: QuotaSpec, now: Date): Promise<void> {
    const window = quotaWindow(now, spec.windowSeconds);
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: quotaKeys.counter(subject, spec.name, window.start), ConsistentRead: true }),
    );
    if (((Item?.used as number | undefined) ?? 0) >= spec.limit) throw new RateLimitedError(retryAfterSeconds(now, spec.windowSeconds));
  }
}
