import { answerPollRoute } from '../contract/polls';
import { pollDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { answerPoll } from './polls';

/** POST /polls/{id}/answers — a donor of the dream answers, once. */
export const handler = httpRoute(answerPollRoute, {
  handle: async ({ caller, params, body }) => ({ poll: await answerPoll(await pollDeps(), caller.userId, params.id, body) }),
});
