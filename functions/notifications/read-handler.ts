import { markNotificationReadRoute } from '../contract/notifications';
import { notificationDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { markNotificationRead } from './notifications';

/** POST /me/notifications/{id}/read */
export const handler = httpRoute(markNotificationReadRoute, {
  handle: async ({ caller, params }) => markNotificationRead(await notificationDeps(), caller.userId, params.id),
});
