import { myStoresRoute } from '../contract/stores';
import { storeDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { myStores } from './stores';

/** GET /me/stores — a merchant's own stores, whatever their status. */
export const handler = httpRoute(myStoresRoute, {
  handle: async ({ caller, query }) => myStores(await storeDeps(), caller.userId, query),
});
