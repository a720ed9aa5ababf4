import { routeTable } from '../shared/route-table';
import { handler as getMe } from './get-me-handler';
import { handler as getLedger } from './get-ledger-handler';
import { handler as updateProfile } from './update-profile-handler';
import { handler as exportMyData } from './export-handler';
import { handler as closeAccount } from './close-handler';

/** The `me` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'GET /me': getMe,
  'GET /me/ledger': getLedger,
  'PUT /me/profile': updateProfile,
  'GET /me/export': exportMyData,
  'DELETE /me': closeAccount,
});
