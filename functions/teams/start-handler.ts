import { dreamDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { idParams, teamBody } from '../dreams/schemas';
import { startTeam } from './teams';

/** POST /dreams/{id}/teams — start a team (一起捐) for a dream. */
export const handler = httpRoute({
  auth: 'required',
  successStatus: 201,
  params: idParams,
  body: teamBody,
  handle: async ({ caller, params, body }) => startTeam(await dreamDeps(), caller.userId, params.id, body.name),
});
