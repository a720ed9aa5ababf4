import { adminActor } from '../admin/people';
import { resolveSpotCheckRoute } from '../contract/spot-checks';
import { httpRoute } from '../shared/http';
import { spotCheckDeps } from '../wiring';
import { resolveSpotCheck } from './spot-checks';

/** POST /admin/spot-checks/{distributionId}/resolve — a dispute settled, with a note; audited. */
export const handler = httpRoute(resolveSpotCheckRoute, {
  handle: async ({ params, body, caller }) => {
    const app = await spotCheckDeps();
    return resolveSpotCheck(app, await adminActor(app, caller.userId), params.distributionId, body.note);
  },
});
