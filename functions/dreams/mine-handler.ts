import { myDreamsRoute } from '../contract/dreams';
import { dreamDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { myDreams } from './dreams';

/** GET /me/dreams — 我的梦想: what I proposed, in any status, with the review note. */
export const handler = httpRoute(myDreamsRoute, {
  handle: async ({ caller, query }) => myDreams(await dreamDeps(), caller.userId, query),
});
