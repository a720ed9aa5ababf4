import { myEmployersRoute } from '../contract/meals';
import { rosterDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { myEmployers } from './roster';

/** GET /workers/employers — the employers whose rosters the caller keeps. */
export const handler = httpRoute(myEmployersRoute, {
  handle: async ({ caller, query }) => myEmployers(await rosterDeps(), caller.userId, query),
});
