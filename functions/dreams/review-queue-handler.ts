import { dreamDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { pageQuery } from '../shared/schemas';
import { reviewQueue } from './dreams';

/** GET /admin/dreams — dreams waiting in review, newest first (admins). */
export const handler = httpRoute({
  auth: 'required',
  roles: ['admin'],
  query: pageQuery,
  handle: async ({ query }) => reviewQueue(await dreamDeps(), query),
});
