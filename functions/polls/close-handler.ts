import { closePollRoute } from '../contract/polls';
import { pollDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { closePoll } from './polls';

/** POST /polls/{id}/close — the adopting charity closes a poll; its results show. */
export const handler = httpRoute(closePollRoute, {
  handle: async ({ caller, params }) => ({ poll: await closePoll(await pollDeps(), caller.userId, params.id) }),
});
