import { storeReviewQueueRoute } from '../contract/stores';
import { storeDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { storeReviewQueue } from './stores';

/** GET /admin/stores — stores waiting for review, newest first (admins). */
export const handler = httpRoute(storeReviewQueueRoute, {
  handle: async ({ query }) => storeReviewQueue(await storeDeps(), query),
});
