import { heldQueueRoute } from '../contract/held';
import { heldDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { heldQueue } from './held';

/** GET /admin/held — the texts held for an admin, newest first. */
export const handler = httpRoute(heldQueueRoute, {
  handle: async ({ query }) => heldQueue(await heldDeps(), query),
});
