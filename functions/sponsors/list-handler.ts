import { listSponsorsRoute } from '../contract/earning';
import { sponsorDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { listSponsors } from './sponsors';

/** GET /sponsors (public) — the 益行家 and what is left of their budgets. */
export const handler = httpRoute(listSponsorsRoute, {
  handle: async ({ query }) => listSponsors(await sponsorDeps(), query),
});
