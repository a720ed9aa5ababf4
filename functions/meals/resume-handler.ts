import { resumeStoreRoute } from '../contract/store-admin';
import { adminActor } from '../admin/people';
import { storeAdminDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { resumeStore } from './windup';

/** POST /admin/stores/{id}/resume — a suspended store opens again (audited). */
export const handler = httpRoute(resumeStoreRoute, {
  handle: async ({ params, caller }) => {
    const app = await storeAdminDeps();
    return resumeStore(app, await adminActor(app, caller.userId), params.id);
  },
});
