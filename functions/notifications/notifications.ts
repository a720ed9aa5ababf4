import { NotFoundError } from '../domain/errors';
import type { NotificationRepository } from '../domain/notification';

export interface NotificationDeps {
  notifications: NotificationRepository;
}

/** GET /me/notifications: a person's notifications, newest first. */
export async function myNotifications(deps: NotificationDeps, userId: string, page: { limit: number; cursor?: string }) {
  return deps.notifications.list(userId, page);
}

/** POST /me/notifications/{id}/read: 404 for anyone else's; reading twice is reading once. */
export async function markNotificationRead(deps: NotificationDeps, userId: string, notificationId: string) {
  const notification = await deps.notifications.markRead(userId, notificationId);
  if (!notification) throw new NotFoundError('没有找到这条通知');
  return { notification, unread: await deps.notifications.unreadCount(userId) };
}

/** POST /me/notifications/read-all */
export async function markAllNotificationsRead(deps: NotificationDeps, userId: string) {
  await deps.notifications.markAllRead(userId);
  return { unread: await deps.notifications.unreadCount(userId) };
}
