import { dreamDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { adoptDream } from './dreams';
import { idParams } from './schemas';

/** POST /dreams/{id}/adopt — a charity takes on an executable dream. */
export const handler = httpRoute({
  auth: 'required',
  roles: ['charity'],
  params: idParams,
  handle: async ({ caller, params }) => adoptDream(await dreamDeps(), caller.userId, params.id),
});
