import { closeAccountRoute } from '../contract/me';
import { accountDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { closeAccount } from './close-account';

/** DELETE /me */
export const handler = httpRoute(closeAccountRoute, {
  handle: async ({ caller }) => closeAccount(await accountDeps(), caller.userId),
});
