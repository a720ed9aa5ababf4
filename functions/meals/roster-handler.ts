import { importRosterRoute } from '../contract/meals';
import { rosterDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { importRoster } from './roster';

/** POST /workers/roster — a charity or an admin imports a roster. */
export const handler = httpRoute(importRosterRoute, {
  handle: async ({ caller, body }) => importRoster(await rosterDeps(), caller.userId, body),
});
