import { startTeamRoute } from '../contract/dreams';
import { dreamDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { startTeam } from './teams';

/** POST /dreams/{id}/teams — start a team (一起捐) for a dream. */
export const handler = httpRoute(startTeamRoute, {
  handle: async ({ caller, params, body }) => startTeam(await dreamDeps(), caller.userId, params.id, body.name),
});
