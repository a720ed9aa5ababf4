import { sponsorDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { pageQuery } from '../shared/schemas';
import { listSponsors } from './sponsors';

/** GET /sponsors (public) — the 益行家 and what is left of their budgets. */
export const handler = httpRoute({
  auth: 'optional',
  query: pageQuery,
  handle: async ({ query }) => listSponsors(await sponsorDeps(), query),
});
