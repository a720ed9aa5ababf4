import { resubmitLetterRoute } from '../contract/letters';
import { letterDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { letterViews, resubmitLetter } from './letters';

/** POST /letters/{id}/resubmit — its author sends a rejected letter again, changed. */
export const handler = httpRoute(resubmitLetterRoute, {
  handle: async ({ caller, params, body }) => {
    const app = await letterDeps();
    const [letter] = await letterViews(app, [await resubmitLetter(app, caller.userId, params.id, body)], { forAuthorOrAdmin: true });
    return { letter };
  },
});
