import { notificationDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { pageQuery } from '../shared/schemas';

/** GET /me/notifications — newest first. */
export const handler = httpRoute({
  auth: 'required',
  query: pageQuery,
  handle: async ({ caller, query }) => (await notificationDeps()).notifications.list(caller.userId, query),
});
