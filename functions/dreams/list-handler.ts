import { dreamDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { listDreams } from './dreams';
import { listQuery } from './schemas';

/** GET /dreams (public) — open, executable, adopted and completed dreams, new or hot. */
export const handler = httpRoute({
  auth: 'optional',
  query: listQuery,
  handle: async ({ query }) => listDreams(await dreamDeps(), query),
});
