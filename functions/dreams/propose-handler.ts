import { dreamDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { proposeDream } from './dreams';
import { proposeBody } from './schemas';

/** POST /dreams — anyone signed in proposes a dream; it waits in review. */
export const handler = httpRoute({
  auth: 'required',
  successStatus: 201,
  body: proposeBody,
  handle: async ({ caller, body }) => proposeDream(await dreamDeps(), caller.userId, body),
});
