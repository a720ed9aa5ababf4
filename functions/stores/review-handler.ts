import { reviewStoreRoute } from '../contract/stores';
import { adminActor } from '../admin/people';
import { storeDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { reviewStore } from './stores';

/** POST /stores/{id}/review — admins approve or reject a pending store. */
export const handler = httpRoute(reviewStoreRoute, {
  handle: async ({ params, body, caller }) => {
    const app = await storeDeps();
    return reviewStore(app, await adminActor(app, caller.userId), params.id, body);
  },
});
