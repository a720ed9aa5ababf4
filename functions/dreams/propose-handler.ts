import { proposeDreamRoute } from '../contract/dreams';
import { dreamDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { proposeDream } from './dreams';

/** POST /dreams — anyone signed in proposes a dream; it waits in review. */
export const handler = httpRoute(proposeDreamRoute, {
  handle: async ({ caller, body }) => proposeDream(await dreamDeps(), caller.userId, body),
});
