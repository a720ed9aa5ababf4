import { openPollRoute } from '../contract/polls';
import { pollDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { openPoll } from './polls';

/** POST /assemblies/{id}/polls — the adopting charity opens a live poll. */
export const handler = httpRoute(openPollRoute, {
  handle: async ({ caller, params, body }) => ({ poll: await openPoll(await pollDeps(), caller.userId, params.id, body) }),
});
