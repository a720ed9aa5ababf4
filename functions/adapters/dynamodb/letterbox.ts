import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Letterbox, LetterboxEntry } from '../../domain/letter';
import type { TableContext } from './client';
import { newestFirstPage } from './cursor';
import { cancellationReasons } from './errors';
import { letterboxKeys } from './letterbox-keys';
import { markReadOnce } from './mark-read';

/**
 * Fan-out on write: publishing a letter puts a small entry in each donor's letterbox (README, "Letters:
 * fan-out on write"). The entry's own key is the once-only marker, and the unread counter moves in
 * the same transaction, so the count is exact under retries and concurrent reads.
 */
export class DynamoLetterbox implements Letterbox {
  constructor(private readonly table: TableContext) {}

  async deliverOnce(userId: string, entry: Omit<LetterboxEntry, 'read'>): Promise<boolean> {
    const TableName = this.table.tableName;
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName,
                Item: { ...letterboxKeys.entry(userId, entry.letterId), type: 'LETTERBOX_ENTRY', ...entry, read: false },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Update: {
                TableName,
                Key: letterboxKeys.counter(userId),
                UpdateExpression: 'ADD unread :one SET #type = :type',
                ExpressionAttributeNames: { '#type': 'type' },
                ExpressionAttributeValues: { ':one': 1, ':type': 'LETTERBOX' },
              },
            },
          ],
        }),
      );
      return true;
    } catch (err) {
      if (cancellationReasons(err)?.[0] === 'ConditionalCheckFailed') return false;
      throw err;
    }
  }

  async list(userId: string, page: { limit: number; cursor?: string }): Promise<{ items: LetterboxEntry[]; nextCursor: string | null }> {
    const found = await newestFirstPage(this.table, `USER#${userId}`, letterboxKeys.prefix, page);
    return {
      items: found.items.map((item) => ({
        letterId: item.letterId as string,
        dreamId: item.dreamId as string,
        dreamTitle: item.dreamTitle as string,
        deliveredAt: item.deliveredAt as string,
        read: item.read === true,
      })),
      nextCursor: found.nextCursor,
    };
  }

  async unreadCount(userId: string): Promise<number> {
    const { Item } = await this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: letterboxKeys.counter(userId) }));
    return Math.max(0, (Item?.unread as number | undefined) ?? 0);
  }

  async markRead(userId: string, letterId: string): Promise<boolean> {
    if (await markReadOnce(this.table, { entry: letterboxKeys.entry(userId, letterId), counter: letterboxKeys.counter(userId) })) return true;
    // Read already (by another tab), or not this person's letter at all.
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: letterboxKeys.entry(userId, letterId), ConsistentRead: true }),
    );
    return Item !== undefined;
  }
}
