import { routeTable } from '../shared/route-table';
import { handler as myStores } from './mine-handler';
import { handler as openStore } from './open-handler';
import { handler as reviewStore } from './review-handler';
import { handler as storeReviewQueue } from './review-queue-handler';

/** The `stores` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'GET /me/stores': myStores,
  'POST /stores': openStore,
  'POST /stores/{id}/review': reviewStore,
  'GET /admin/stores': storeReviewQueue,
});
