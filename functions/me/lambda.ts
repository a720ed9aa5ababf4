import { routeTable } from '../shared/route-table';
import { handler as getMe } from './get-me-handler';
import { handler as getLedger } from './get-ledger-handler';

/** The `me` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'GET /me': getMe,
  'GET /me/ledger': getLedger,
});
