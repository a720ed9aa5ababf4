import { employersRoute } from '../contract/meals';
import { rosterDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { listEmployers } from './roster';

/** GET /admin/employers — every registered employer and its charity. */
export const handler = httpRoute(employersRoute, {
  handle: async ({ query }) => listEmployers(await rosterDeps(), query),
});
