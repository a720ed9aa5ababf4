import { routeTable } from '../shared/route-table';
import { handler as startTeam } from './start-handler';
import { handler as joinTeam } from './join-handler';
import { handler as getTeam } from './get-handler';

/** The `teams` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'POST /dreams/{id}/teams': startTeam,
  'POST /teams/join': joinTeam,
  'GET /teams/{id}': getTeam,
});
