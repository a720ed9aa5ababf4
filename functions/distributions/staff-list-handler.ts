import { listFieldStaffRoute } from '../contract/distributions';
import { distributionDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { fieldStaff } from './distributions';
import { viewerOf } from './viewer';

/** GET /distributions/{id}/staff — the helpers named for a distribution (its charity and admins). */
export const handler = httpRoute(listFieldStaffRoute, {
  handle: async ({ caller, params }) => {
    const app = await distributionDeps();
    return fieldStaff(app, (await viewerOf(app, caller.userId))!, params.id);
  },
});
