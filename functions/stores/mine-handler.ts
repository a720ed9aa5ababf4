import { storeDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { myStores } from './stores';

/** GET /me/stores — a merchant's own stores, whatever their status. */
export const handler = httpRoute({
  auth: 'required',
  roles: ['merchant'],
  handle: async ({ caller }) => myStores(await storeDeps(), caller.userId),
});
