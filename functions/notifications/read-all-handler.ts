import { markAllNotificationsReadRoute } from '../contract/notifications';
import { notificationDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { markAllNotificationsRead } from './notifications';

/** POST /me/notifications/read-all */
export const handler = httpRoute(markAllNotificationsReadRoute, {
  handle: async ({ caller }) => markAllNotificationsRead(await notificationDeps(), caller.userId),
});
