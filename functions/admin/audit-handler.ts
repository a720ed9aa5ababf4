import { auditTrailRoute } from '../contract/admin';
import { coreDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { listAudit } from './people';

/** GET /admin/audit — every role change and review, newest first (or one target's). */
export const handler = httpRoute(auditTrailRoute, {
  handle: async ({ query }) => listAudit(await coreDeps(), { targetId: query.targetId }, query),
});
