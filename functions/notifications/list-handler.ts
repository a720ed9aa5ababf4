import { notificationDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { pageQuery } from '../shared/schemas';
import { myNotifications } from './notifications';

/** GET /me/notifications — newest first. */
export const handler = httpRoute({
  auth: 'required',
  query: pageQuery,
  handle: async ({ caller, query }) => myNotifications(await notificationDeps(), caller.userId, query),
});
