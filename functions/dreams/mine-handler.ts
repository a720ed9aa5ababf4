import { dreamDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { myDreams } from './dreams';

/** GET /me/dreams — 我的梦想: what I proposed, in any status, with the review note. */
export const handler = httpRoute({
  auth: 'required',
  handle: async ({ caller }) => myDreams(await dreamDeps(), caller.userId),
});
