import { routeTable } from '../shared/route-table';
import { handler as suspendStore } from './suspend-handler';
import { handler as resumeStore } from './resume-handler';
import { handler as windUpStore } from './windup-handler';
import { handler as storeWindup } from './windup-status-handler';
import { handler as recordPayout } from './payout-handler';

/** The `storeAdmin` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'POST /admin/stores/{id}/suspend': suspendStore,
  'POST /admin/stores/{id}/resume': resumeStore,
  'POST /admin/stores/{id}/unredeemed': windUpStore,
  'GET /admin/stores/{id}/unredeemed': storeWindup,
  'POST /admin/stores/{id}/payouts': recordPayout,
});
