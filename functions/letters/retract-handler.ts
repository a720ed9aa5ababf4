import { adminActor } from '../admin/people';
import { retractLetterRoute } from '../contract/letters';
import { letterDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { letterViews, retractLetter } from './letters';

/** POST /letters/{id}/retract — an admin who is not the author takes back a published letter, with a reason; audited. */
export const handler = httpRoute(retractLetterRoute, {
  handle: async ({ caller, params, body }) => {
    const app = await letterDeps();
    const retracted = await retractLetter(app, await adminActor(app, caller.userId), params.id, body);
    const [letter] = await letterViews(app, [retracted], { forAuthorOrAdmin: true });
    return { letter };
  },
});
