import { windUpStoreRoute } from '../contract/store-admin';
import { adminActor } from '../admin/people';
import { storeAdminDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { windUpStore } from './windup';

/** POST /admin/stores/{id}/unredeemed — refund or move a suspended store's unredeemed meals (the stream does it). */
export const handler = httpRoute(windUpStoreRoute, {
  handle: async ({ params, body, caller }) => {
    const app = await storeAdminDeps();
    return windUpStore(app, await adminActor(app, caller.userId), params.id, body);
  },
});
