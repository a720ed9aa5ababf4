import { revokeWorkerRoute } from '../contract/meals';
import { rosterDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { revokeWorkerRow } from './roster';

/** POST /workers/roster/revoke — a roster row revoked, its worker no longer one. */
export const handler = httpRoute(revokeWorkerRoute, {
  handle: async ({ caller, body }) => revokeWorkerRow(await rosterDeps(), caller.userId, body),
});
