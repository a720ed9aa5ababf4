import { suspendStoreRoute } from '../contract/store-admin';
import { adminActor } from '../admin/people';
import { storeAdminDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { suspendStore } from './windup';

/** POST /admin/stores/{id}/suspend — an admin suspends an active store (audited). */
export const handler = httpRoute(suspendStoreRoute, {
  handle: async ({ params, body, caller }) => {
    const app = await storeAdminDeps();
    return suspendStore(app, await adminActor(app, caller.userId), params.id, body);
  },
});
