import type { NotificationRepository } from '../domain/notification';

export interface NotificationDeps {
  notifications: NotificationRepository;
}

/** GET /me/notifications: a person's notifications, newest first. */
export async function myNotifications(deps: NotificationDeps, userId: string, page: { limit: number; cursor?: string }) {
  return deps.notifications.list(userId, page);
}
