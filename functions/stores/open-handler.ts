import { openStoreRoute } from '../contract/stores';
import { storeDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { openStore } from './stores';

/** POST /stores — a merchant applies to open a store (201, `pending`). */
export const handler = httpRoute(openStoreRoute, {
  handle: async ({ body, caller }) => openStore(await storeDeps(), caller.userId, body),
});
