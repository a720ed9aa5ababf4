import { adminActor } from '../admin/people';
import { reviewDreamRoute } from '../contract/dreams';
import { dreamReviewDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { reviewDream } from './dreams';

/** POST /dreams/{id}/review — admins approve (after the content-safety check) or reject; audited. */
export const handler = httpRoute(reviewDreamRoute, {
  handle: async ({ params, body, caller }) => {
    const app = await dreamReviewDeps();
    return reviewDream(app, params.id, body, await adminActor(app, caller.userId));
  },
});
