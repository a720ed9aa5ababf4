import { removeFieldStaffRoute } from '../contract/distributions';
import { distributionDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { removeFieldStaff } from './distributions';

/** DELETE /distributions/{id}/staff/{userId} — the adopting charity takes a helper off (audited). */
export const handler = httpRoute(removeFieldStaffRoute, {
  handle: async ({ caller, params }) => removeFieldStaff(await distributionDeps(), caller.userId, params.id, params.userId),
});
