import { storeDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { pageQuery } from '../shared/schemas';
import { storeReviewQueue } from './stores';

/** GET /admin/stores — stores waiting for review, newest first (admins). */
export const handler = httpRoute({
  auth: 'required',
  roles: ['admin'],
  query: pageQuery,
  handle: async ({ query }) => storeReviewQueue(await storeDeps(), query),
});
