import { dreamDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { donateToDream } from './dreams';
import { donationBody, idParams } from './schemas';

/** POST /dreams/{id}/donations — give flowers; the app sends an Idempotency-Key per tap. */
export const handler = httpRoute({
  auth: 'required',
  idempotent: true,
  params: idParams,
  body: donationBody,
  handle: async ({ caller, params, body, completeWith }) =>
    donateToDream(await dreamDeps(), caller.userId, params.id, body, (present) => (outcome) => completeWith((move) => present(move, outcome()))),
});
