import { adoptDreamRoute } from '../contract/dreams';
import { dreamDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { adoptDream } from './dreams';

/** POST /dreams/{id}/adopt — a charity takes on an executable dream. */
export const handler = httpRoute(adoptDreamRoute, {
  handle: async ({ caller, params }) => adoptDream(await dreamDeps(), caller.userId, params.id),
});
