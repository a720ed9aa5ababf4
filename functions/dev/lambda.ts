import { routeTable } from '../shared/route-table';
import { handler as authDev } from '../auth/dev-handler';
import { handler as devGrant } from './grant-handler';

/** The `dev` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'POST /auth/dev': authDev,
  'POST /dev/grants': devGrant,
});
