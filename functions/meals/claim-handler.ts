import { claimWorkerRoute } from '../contract/meals';
import { rosterDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { claimWorkerRow } from './roster';

/** POST /me/worker — a worker claims their roster row. */
export const handler = httpRoute(claimWorkerRoute, {
  handle: async ({ caller, body }) => claimWorkerRow(await rosterDeps(), caller.userId, body),
});
