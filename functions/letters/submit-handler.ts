import { submitLetterRoute } from '../contract/letters';
import { letterDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { letterViews, submitLetter } from './letters';

/** POST /dreams/{id}/letters — the adopting charity writes a letter or a field update (in review). */
export const handler = httpRoute(submitLetterRoute, {
  handle: async ({ caller, params, body }) => {
    const app = await letterDeps();
    const [letter] = await letterViews(app, [await submitLetter(app, caller.userId, params.id, body)], { forAuthorOrAdmin: true });
    return { letter };
  },
});
