import { getTeamRoute } from '../contract/dreams';
import { dreamDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { getTeam } from './teams';

/** GET /teams/{id} (public) — the team's dream, total and ranked members. */
export const handler = httpRoute(getTeamRoute, {
  handle: async ({ caller, params }) => getTeam(await dreamDeps(), params.id, caller?.userId ?? null),
});
