import { routeTable } from '../shared/route-table';
import { handler as subscribeTemplates } from './templates-handler';
import { handler as recordSubscriptions } from './record-handler';
import { handler as mySubscriptions } from './mine-handler';

/** The `subscriptions` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'GET /subscriptions/templates': subscribeTemplates,
  'POST /me/subscriptions': recordSubscriptions,
  'GET /me/subscriptions': mySubscriptions,
});
