import { adminActor } from '../admin/people';
import { dreamDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { reviewDream } from './dreams';
import { idParams, reviewBody } from './schemas';

/** POST /dreams/{id}/review — admins approve (after the content-safety check) or reject; audited. */
export const handler = httpRoute({
  auth: 'required',
  roles: ['admin'],
  params: idParams,
  body: reviewBody,
  handle: async ({ params, body, caller }) => {
    const app = await dreamDeps();
    return reviewDream(app, params.id, body, await adminActor(app, caller.userId));
  },
});
