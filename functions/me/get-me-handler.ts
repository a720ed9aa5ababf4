import { getMeRoute } from '../contract/me';
import { meDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { getMyAccount } from './me';

/** GET /me */
export const handler = httpRoute(getMeRoute, {
  handle: async ({ caller }) => getMyAccount(await meDeps(), caller.userId),
});
