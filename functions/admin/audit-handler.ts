import { coreDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { listAudit } from './people';
import { auditQuery } from './schemas';

/** GET /admin/audit — every role change and review, newest first (or one target's). */
export const handler = httpRoute({
  auth: 'required',
  roles: ['admin'],
  query: auditQuery,
  handle: async ({ query }) => listAudit(await coreDeps(), { targetId: query.targetId }, query),
});
