import { addFieldStaffRoute } from '../contract/distributions';
import { distributionDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { addFieldStaff } from './distributions';

/** POST /distributions/{id}/staff — the adopting charity names a helper for this distribution (audited). */
export const handler = httpRoute(addFieldStaffRoute, {
  handle: async ({ caller, params, body }) => addFieldStaff(await distributionDeps(), caller.userId, params.id, body.userId),
});
