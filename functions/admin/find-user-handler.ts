import { findUserRoute } from '../contract/admin';
import { peopleDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { findPerson } from './people';

/** GET /admin/users?openid=|userId= — admins find one person to grant or revoke a role. */
export const handler = httpRoute(findUserRoute, {
  handle: async ({ query }) => findPerson(await peopleDeps(), query),
});
