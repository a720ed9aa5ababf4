import { dreamDistributionsRoute } from '../contract/distributions';
import { distributionDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { distributionsOfDream } from './distributions';
import { viewerOf } from './viewer';

/** GET /dreams/{id}/distributions — a dream's distributions with their progress (public; held ones for their charity and admins). */
export const handler = httpRoute(dreamDistributionsRoute, {
  handle: async ({ caller, params, query }) => {
    const app = await distributionDeps();
    return distributionsOfDream(app, await viewerOf(app, caller?.userId ?? null), params.id, query);
  },
});
