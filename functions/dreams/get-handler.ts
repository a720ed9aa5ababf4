import { dreamDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { getDream } from './dreams';
import { idParams } from './schemas';

/** GET /dreams/{id} (public; in_review/rejected only for the proposer and admins). */
export const handler = httpRoute({
  auth: 'optional',
  params: idParams,
  handle: async ({ caller, params }) => {
    const app = await dreamDeps();
    const user = caller ? await app.users.findById(caller.userId) : null;
    return getDream(app, params.id, user ? { userId: user.id, isAdmin: user.roles.includes('admin') } : null);
  },
});
