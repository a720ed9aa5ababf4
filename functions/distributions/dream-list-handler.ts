import { dreamDistributionsRoute } from '../contract/distributions';
import { distributionDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { distributionsOfDream } from './distributions';

/** GET /dreams/{id}/distributions — a dream's distributions with their progress (public). */
export const handler = httpRoute(dreamDistributionsRoute, {
  handle: async ({ params, query }) => distributionsOfDream(await distributionDeps(), params.id, query),
});
