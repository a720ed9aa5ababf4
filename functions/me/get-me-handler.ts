import { getMeRoute } from '../contract/me';
import { notificationDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { getMyAccount } from './me';

/** GET /me */
export const handler = httpRoute(getMeRoute, {
  handle: async ({ caller }) => getMyAccount(await notificationDeps(), caller.userId),
});
