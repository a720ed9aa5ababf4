import { reviewHeldRoute } from '../contract/held';
import { heldDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { adminActor } from './people';
import { reviewHeld } from './held';

/** POST /admin/held/{id}/review — clear a held text or remove it; audited. */
export const handler = httpRoute(reviewHeldRoute, {
  handle: async ({ params, body, caller }) => {
    const app = await heldDeps();
    return reviewHeld(app, await adminActor(app, caller.userId), params.id, body.decision);
  },
});
