import { adminActor } from '../admin/people';
import { reviewLetterRoute } from '../contract/letters';
import { letterDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { letterView, reviewLetter } from './letters';

/** POST /letters/{id}/review — an admin who is not the author publishes or rejects it. */
export const handler = httpRoute(reviewLetterRoute, {
  handle: async ({ caller, params, body }) => {
    const app = await letterDeps();
    return { letter: letterView(await reviewLetter(app, await adminActor(app, caller.userId), params.id, body), { withReviewNote: true }) };
  },
});
