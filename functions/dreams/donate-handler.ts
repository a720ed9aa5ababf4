import { giveToDreamRoute } from '../contract/dreams';
import { dreamGiftDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { donateToDream } from './dreams';

/** POST /dreams/{id}/donations — give flowers; the app sends an Idempotency-Key per tap. */
export const handler = httpRoute(giveToDreamRoute, {
  handle: async ({ caller, params, body, completeWith }) =>
    donateToDream(await dreamGiftDeps(), caller.userId, params.id, body, (present) => (outcome) => completeWith((move) => present(move, outcome()))),
});
