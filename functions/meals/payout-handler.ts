import { recordPayoutRoute } from '../contract/store-admin';
import { adminActor } from '../admin/people';
import { storeAdminDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { recordPayout } from './windup';

/** POST /admin/stores/{id}/payouts — money paid out to a store, never past what it is owed (Idempotency-Key). */
export const handler = httpRoute(recordPayoutRoute, {
  handle: async ({ params, body, caller }) => {
    const app = await storeAdminDeps();
    return recordPayout(app, await adminActor(app, caller.userId), params.id, body);
  },
});
