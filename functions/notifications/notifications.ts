import type { DynamoNotificationRepository } from '../adapters/dynamodb/notification-repository';

export interface NotificationDeps {
  notifications: DynamoNotificationRepository;
}

/** GET /me/notifications: a person's notifications, newest first. */
export async function myNotifications(deps: NotificationDeps, userId: string, page: { limit: number; cursor?: string }) {
  return deps.notifications.list(userId, page);
}
