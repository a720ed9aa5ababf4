import { routeTable } from '../shared/route-table';
import { handler as myNotifications } from './list-handler';
import { handler as readNotification } from './read-handler';
import { handler as readAllNotifications } from './read-all-handler';

/** The `notifications` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'GET /me/notifications': myNotifications,
  'POST /me/notifications/{id}/read': readNotification,
  'POST /me/notifications/read-all': readAllNotifications,
});
