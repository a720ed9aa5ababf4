import { container } from '../shared/container';
import { httpRoute } from '../shared/http';

/** GET /me/stores — a merchant's own stores, whatever their status. */
export const handler = httpRoute({
  auth: 'required',
  roles: ['merchant'],
  handle: async ({ caller }) => ({ items: await (await container()).stores.listByOwner(caller.userId), nextCursor: null }),
});
