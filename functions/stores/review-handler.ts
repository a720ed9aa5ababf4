import { adminActor } from '../admin/people';
import { storeDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { reviewStoreBody, storeIdParams } from './schemas';
import { reviewStore } from './stores';

/** POST /stores/{id}/review — admins approve or reject a pending store (API.md). */
export const handler = httpRoute({
  auth: 'required',
  roles: ['admin'],
  params: storeIdParams,
  body: reviewStoreBody,
  handle: async ({ params, body, caller }) => {
    const app = await storeDeps();
    return reviewStore(app, await adminActor(app, caller.userId), params.id, body);
  },
});
