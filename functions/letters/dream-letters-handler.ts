import { lettersOfMyDreamRoute } from '../contract/letters';
import { letterDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { lettersOfMyDream } from './letters';

/** GET /charity/dreams/{id}/letters — every letter of the dream, any state, for its charity (or an admin). */
export const handler = httpRoute(lettersOfMyDreamRoute, {
  handle: async ({ caller, params, query }) => {
    const app = await letterDeps();
    const me = await app.users.findById(caller.userId);
    return lettersOfMyDream(app, { id: caller.userId, isAdmin: Boolean(me?.roles.includes('admin')) }, params.id, query);
  },
});
