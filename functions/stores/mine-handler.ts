import { storeDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { pageQuery } from '../shared/schemas';
import { myStores } from './stores';

/** GET /me/stores — a merchant's own stores, whatever their status. */
export const handler = httpRoute({
  auth: 'required',
  roles: ['merchant'],
  query: pageQuery,
  handle: async ({ caller, query }) => myStores(await storeDeps(), caller.userId, query),
});
