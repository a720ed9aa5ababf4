import { routeTable } from '../shared/route-table';
import { handler as findUser } from './find-user-handler';
import { handler as changeRole } from './change-role-handler';
import { handler as auditTrail } from './audit-handler';
import { handler as heldQueue } from './held-queue-handler';
import { handler as reviewHeld } from './held-review-handler';

/** The `admin` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'GET /admin/users': findUser,
  'POST /admin/users/{id}/roles': changeRole,
  'GET /admin/audit': auditTrail,
  'GET /admin/held': heldQueue,
  'POST /admin/held/{id}/review': reviewHeld,
});
