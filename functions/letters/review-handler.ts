import { adminActor } from '../admin/people';
import { reviewLetterRoute } from '../contract/letters';
import { letterDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { letterViews, reviewLetter } from './letters';

/** POST /letters/{id}/review — an admin who is not the author publishes or rejects it. */
export const handler = httpRoute(reviewLetterRoute, {
  handle: async ({ caller, params, body }) => {
    const app = await letterDeps();
    const decided = await reviewLetter(app, await adminActor(app, caller.userId), params.id, body);
    const [letter] = await letterViews(app, [decided], { forAuthorOrAdmin: true });
    return { letter };
  },
});
