import { adminActor } from '../admin/people';
import { createSponsorRoute } from '../contract/earning';
import { sponsorDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { createSponsor } from './sponsors';

/** POST /admin/sponsors — admins add a step sponsor (益行家) and its budget. */
export const handler = httpRoute(createSponsorRoute, {
  handle: async ({ body, caller }) => {
    const app = await sponsorDeps();
    return createSponsor(app, await adminActor(app, caller.userId), body);
  },
});
