import { listDreamsRoute } from '../contract/dreams';
import { dreamDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { listDreams } from './dreams';

/** GET /dreams (public) — open, executable, adopted and completed dreams, new or hot. */
export const handler = httpRoute(listDreamsRoute, {
  handle: async ({ query }) => listDreams(await dreamDeps(), query),
});
