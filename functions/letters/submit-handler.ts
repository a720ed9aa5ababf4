import { submitLetterRoute } from '../contract/letters';
import { letterDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { letterView, submitLetter } from './letters';

/** POST /dreams/{id}/letters — the adopting charity writes a letter or a field update (in review). */
export const handler = httpRoute(submitLetterRoute, {
  handle: async ({ caller, params, body }) => ({
    letter: letterView(await submitLetter(await letterDeps(), caller.userId, params.id, body), { withReviewNote: true }),
  }),
});
