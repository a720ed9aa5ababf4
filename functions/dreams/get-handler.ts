import { getDreamRoute } from '../contract/dreams';
import { dreamPageDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { getDream } from './dreams';

/** GET /dreams/{id} (public; in_review/rejected only for the proposer and admins). */
export const handler = httpRoute(getDreamRoute, {
  handle: async ({ caller, params }) => getDream(await dreamPageDeps(), params.id, caller?.userId ?? null),
});
