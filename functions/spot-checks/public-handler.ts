import { spotCheckRoute } from '../contract/spot-checks';
import { httpRoute } from '../shared/http';
import { spotCheckDeps } from '../wiring';
import { publicSpotCheck } from './spot-checks';

/** GET /distributions/{id}/spot-check — the draw, its seed and each call-back's outcome (public, names masked). */
export const handler = httpRoute(spotCheckRoute, {
  handle: async ({ params }) => publicSpotCheck(await spotCheckDeps(), params.id),
});
