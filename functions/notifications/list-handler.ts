import { myNotificationsRoute } from '../contract/notifications';
import { notificationDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { myNotifications } from './notifications';

/** GET /me/notifications — newest first. */
export const handler = httpRoute(myNotificationsRoute, {
  handle: async ({ caller, query }) => myNotifications(await notificationDeps(), caller.userId, query),
});
