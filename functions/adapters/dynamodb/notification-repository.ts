import type { NotificationType } from '../../contract/enums';
import type { Notification, NotificationRepository } from '../../domain/notification';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { Clock, Page } from '../../domain/ports';
import type { TableContext } from './client';
import { newestFirstPage } from './cursor';
import { cancellationReasons } from './errors';
import { notificationKeys } from './notification-keys';

export class DynamoNotificationRepository implements NotificationRepository {
  constructor(
    private readonly table: TableContext,
    private readonly clock: Clock,
  ) {}

  /** Delivers a notification at most once per (person, type, refId), also when retried. */
  async notifyOnce(userId: string, input: { type: NotificationType; refId: string; title: string; body: string }): Promise<boolean> {
    const notification: Notification = {
      id: ulid(),
      type: input.type,
      title: input.title,
      body: input.body,
      refId: input.refId,
      createdAt: this.clock.now().toISOString(),
      read: false,
    };
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table.tableName,
                Item: { ...notificationKeys.once(userId, input.type, input.refId), type: 'MARKER' },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Put: { TableName: this.table.tableName, Item: { ...notificationKeys.item(userId, notification.id), itemType: 'NOTIFICATION', ...notification } },
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

  async list(userId: string, page: { limit: number; cursor?: string }): Promise<Page<Notification>> {
    const { items, nextCursor } = await newestFirstPage(this.table, `USER#${userId}`, notificationKeys.prefix, page);
    return {
      items: items.map((item) => ({
        id: item.id as string,
        type: item.type as NotificationType,
        title: item.title as string,
        body: item.body as string,
        refId: (item.refId as string | null) ?? null,
        createdAt: item.createdAt as string,
        read: item.read as boolean,
      })),
      nextCursor,
    };
  }
}
