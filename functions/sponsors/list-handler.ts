import { sponsorDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';

/** GET /sponsors (public) — the 益行家 and what is left of their budgets. */
export const handler = httpRoute({
  auth: 'optional',
  handle: async () => {
    const sponsors = await (await sponsorDeps()).sponsors.list();
    return { items: sponsors.map(({ shards: _shards, ...sponsor }) => sponsor), nextCursor: null };
  },
});
