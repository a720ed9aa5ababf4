import { joinTeamRoute } from '../contract/dreams';
import { dreamDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { joinTeam } from './teams';

/** POST /teams/join — join a team by its share code. */
export const handler = httpRoute(joinTeamRoute, {
  handle: async ({ caller, body }) => joinTeam(await dreamDeps(), caller.userId, body.code),
});
