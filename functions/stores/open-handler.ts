import { storeDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { openStoreBody } from './schemas';
import { openStore } from './stores';

/** POST /stores — a merchant applies to open a store (API.md: 201, `pending`). */
export const handler = httpRoute({
  auth: 'required',
  roles: ['merchant'],
  body: openStoreBody,
  successStatus: 201,
  handle: async ({ body, caller }) => openStore(await storeDeps(), caller.userId, body),
});
