import { dreamDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { idParams } from '../dreams/schemas';
import { getTeam } from './teams';

/** GET /teams/{id} (public) — the team's dream, total and ranked members. */
export const handler = httpRoute({
  auth: 'optional',
  params: idParams,
  handle: async ({ params }) => getTeam(await dreamDeps(), params.id),
});
