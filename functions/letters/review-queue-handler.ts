import { letterReviewQueueRoute } from '../contract/letters';
import { letterDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { letterReviewQueue } from './letters';

/** GET /admin/letters — letters and updates waiting for review. */
export const handler = httpRoute(letterReviewQueueRoute, {
  handle: async ({ query }) => letterReviewQueue(await letterDeps(), query),
});
