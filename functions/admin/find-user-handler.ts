import { coreDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { findPerson } from './people';
import { findUserQuery } from './schemas';

/** GET /admin/users?openid=|userId= — admins find one person to grant or revoke a role. */
export const handler = httpRoute({
  auth: 'required',
  roles: ['admin'],
  query: findUserQuery,
  handle: async ({ query }) => findPerson(await coreDeps(), query),
});
