import type { NotificationType } from '../../contract/enums';
import type { Notification, NotificationRepository, NotificationSender } from '../../domain/notification';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ContentionError } from '../../domain/errors';
import { ulid } from 'ulid';
import type { Clock, Page } from '../../domain/ports';
import type { TableContext } from './client';
import { newestFirstPage } from './cursor';
import { cancellationReasons, isConditionalCheckFailed } from './errors';
import { notificationKeys } from './notification-keys';
import { markReadOnce } from './mark-read';

/** Only the delivery: what a dream's gift needs, so its functions do not carry the inbox's reads. */
export class DynamoNotifier implements NotificationSender {
  constructor(
    protected readonly table: TableContext,
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
                // The marker names its notification, so the thing it is about can read it (a letter opened).
                Item: { ...notificationKeys.once(userId, input.type, input.refId), type: 'MARKER', notificationId: notification.id },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Put: { TableName: this.table.tableName, Item: { ...notificationKeys.item(userId, notification.id), itemType: 'NOTIFICATION', ...notification } },
            },
            // The unread count moves with the notification; `version` lets read-all see a new one land.
            {
              Update: {
                TableName: this.table.tableName,
                Key: notificationKeys.inbox(userId),
                UpdateExpression: 'ADD unread :one, version :one SET itemType = :inbox',
                ExpressionAttributeValues: { ':one': 1, ':inbox': 'INBOX' },
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
}

/** A person's inbox: delivery, the list, the unread count and marking read. */
export class DynamoNotificationRepository extends DynamoNotifier implements NotificationRepository {
  async list(userId: string, page: { limit: number; cursor?: string }): Promise<Page<Notification>> {
    const [{ items, nextCursor }, inbox] = await Promise.all([
      newestFirstPage(this.table, `USER#${userId}`, notificationKeys.prefix, page),
      this.inbox(userId),
    ]);
    return { items: items.map((item) => toNotification(item, inbox.readUpTo)), nextCursor };
  }

  async unreadCount(userId: string): Promise<number> {
    return Math.max(0, (await this.inbox(userId)).unread);
  }

  async markRead(userId: string, notificationId: string): Promise<Notification | null> {
    const TableName = this.table.tableName;
    const [found, inbox] = await Promise.all([
      this.table.doc.send(new GetCommand({ TableName, Key: notificationKeys.item(userId, notificationId), ConsistentRead: true })),
      this.inbox(userId, true),
    ]);
    if (!found.Item) return null;
    const notification = toNotification(found.Item, inbox.readUpTo);
    if (notification.read) return notification;
    // Not already counted as read by a read-all that came in between. A cancelled write means
    // someone (another tab, a read-all) read it first: it is read either way.
    await markReadOnce(this.table, {
      entry: notificationKeys.item(userId, notificationId),
      counter: notificationKeys.inbox(userId),
      counterCondition: { expression: 'attribute_not_exists(readUpTo) OR readUpTo < :id', values: { ':id': notificationId } },
    });
    return { ...notification, read: true };
  }

  async markReadAbout(userId: string, type: string, refId: string): Promise<void> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: notificationKeys.once(userId, type, refId), ConsistentRead: true }),
    );
    if (typeof Item?.notificationId === 'string') await this.markRead(userId, Item.notificationId);
  }

  async markAllRead(userId: string): Promise<void> {
    const TableName = this.table.tableName;
    for (let attempt = 0; attempt < 5; attempt++) {
      const inbox = await this.inbox(userId, true);
      if (inbox.version === 0) return;
      const newest = await newestFirstPage(this.table, `USER#${userId}`, notificationKeys.prefix, { limit: 1 });
      const newestId = newest.items[0]?.id as string | undefined;
      if (!newestId) return;
      try {
        // O(1) however many there are: a watermark, not a write per notification. The version
        // condition fails when a notification landed since the read, and the loop reads again.
        await this.table.doc.send(
          new UpdateCommand({
            TableName,
            Key: notificationKeys.inbox(userId),
            UpdateExpression: 'SET unread = :zero, readUpTo = :newest',
            ConditionExpression: 'version = :version',
            ExpressionAttributeValues: { ':zero': 0, ':newest': newestId, ':version': inbox.version },
          }),
        );
        return;
      } catch (err) {
        if (!isConditionalCheckFailed(err)) throw err;
      }
    }
    throw new ContentionError();
  }

  private async inbox(userId: string, consistent = false): Promise<{ unread: number; version: number; readUpTo: string }> {
    const { Item } = await this.table.doc.send(
      new GetCommand({ TableName: this.table.tableName, Key: notificationKeys.inbox(userId), ConsistentRead: consistent }),
    );
    return { unread: (Item?.unread as number) ?? 0, version: (Item?.version as number) ?? 0, readUpTo: (Item?.readUpTo as string) ?? '' };
  }
}

function toNotification(item: Record<string, unknown>, readUpTo: string): Notification {
  const id = item.id as string;
  return {
    id,
    type: item.type as NotificationType,
    title: item.title as string,
    body: item.body as string,
    refId: (item.refId as string | null) ?? null,
    createdAt: item.createdAt as string,
    read: (item.read as boolean) || id <= readUpTo,
  };
}
