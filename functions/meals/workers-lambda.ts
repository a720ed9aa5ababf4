import { routeTable } from '../shared/route-table';
import { handler as importRoster } from './roster-handler';
import { handler as rosterRows } from './roster-list-handler';
import { handler as revokeWorker } from './revoke-handler';
import { handler as claimWorker } from './claim-handler';
import { handler as registerEmployer } from './employer-register-handler';
import { handler as employers } from './employers-handler';
import { handler as myEmployers } from './my-employers-handler';

/** The `workers` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'POST /workers/roster': importRoster,
  'GET /workers/roster': rosterRows,
  'POST /workers/roster/revoke': revokeWorker,
  'POST /me/worker': claimWorker,
  'GET /workers/employers': myEmployers,
  'POST /admin/employers': registerEmployer,
  'GET /admin/employers': employers,
});
