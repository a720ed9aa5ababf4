import { routeTable } from '../shared/route-table';
import { handler as updateProfile } from './update-profile-handler';
import { handler as exportMyData } from './export-handler';
import { handler as closeAccount } from './close-handler';

/**
 * The `account` function of serverless.yml: the routes that write the person's own account, kept
 * apart from `me` so the reads of GET /me stay read-only.
 */
export const handler = routeTable({
  'PUT /me/profile': updateProfile,
  'GET /me/export': exportMyData,
  'DELETE /me': closeAccount,
});
