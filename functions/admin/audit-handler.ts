import { auditTrailRoute } from '../contract/admin';
import { auditDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { listAudit } from './people';

/** GET /admin/audit — every role change and review, newest first (or one target's, or one person's). */
export const handler = httpRoute(auditTrailRoute, {
  handle: async ({ query }) => listAudit(await auditDeps(), { targetId: query.targetId, personId: query.personId }, query),
});
