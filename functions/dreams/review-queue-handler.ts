import { dreamReviewQueueRoute } from '../contract/dreams';
import { dreamDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { reviewQueue } from './dreams';

/** GET /admin/dreams — dreams waiting in review, newest first (admins). */
export const handler = httpRoute(dreamReviewQueueRoute, {
  handle: async ({ query }) => reviewQueue(await dreamDeps(), query),
});
