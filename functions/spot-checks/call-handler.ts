import { adminActor } from '../admin/people';
import { recordCallRoute } from '../contract/spot-checks';
import { httpRoute } from '../shared/http';
import { spotCheckDeps } from '../wiring';
import { recordCall } from './spot-checks';

/** POST /admin/spot-checks/{distributionId}/calls — one call-back's outcome; audited. */
export const handler = httpRoute(recordCallRoute, {
  handle: async ({ params, body, caller }) => {
    const app = await spotCheckDeps();
    return recordCall(app, await adminActor(app, caller.userId), params.distributionId, body);
  },
});
