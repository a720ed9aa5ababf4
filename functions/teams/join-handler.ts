import { dreamDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { joinBody } from '../dreams/schemas';
import { joinTeam } from './teams';

/** POST /teams/join — join a team by its share code. */
export const handler = httpRoute({
  auth: 'required',
  body: joinBody,
  handle: async ({ caller, body }) => joinTeam(await dreamDeps(), caller.userId, body.code),
});
