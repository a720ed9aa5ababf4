import { rosterRoute } from '../contract/meals';
import { rosterDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { listRosterRows } from './roster-list';

/** GET /workers/roster — one employer's roster rows, for the charity that keeps it. */
export const handler = httpRoute(rosterRoute, {
  handle: async ({ caller, query }) => listRosterRows(await rosterDeps(), caller.userId, query),
});
