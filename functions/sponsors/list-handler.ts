import { sponsorDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { pageQuery } from '../shared/schemas';

/** GET /sponsors (public) — the 益行家 and what is left of their budgets. */
export const handler = httpRoute({
  auth: 'optional',
  query: pageQuery,
  handle: async ({ query }) => {
    const page = await (await sponsorDeps()).sponsors.listPage(query);
    return { items: page.items.map(({ shards: _shards, ...sponsor }) => sponsor), nextCursor: page.nextCursor };
  },
});
