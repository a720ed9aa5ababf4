import { adminActor } from '../admin/people';
import { createSponsorBody } from '../admin/schemas';
import { sponsorDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { createSponsor } from './sponsors';

/** POST /admin/sponsors — admins add a step sponsor (益行家) and its budget. */
export const handler = httpRoute({
  auth: 'required',
  roles: ['admin'],
  body: createSponsorBody,
  successStatus: 201,
  handle: async ({ body, caller }) => {
    const app = await sponsorDeps();
    return createSponsor(app, await adminActor(app, caller.userId), body);
  },
});
