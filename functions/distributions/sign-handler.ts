import { signRoute } from '../contract/distributions';
import { distributionDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { sign } from './signoffs';

/** POST /distributions/{id}/signoffs — one hand-over, by the recipient's code (Idempotency-Key: the offline queue's retries). */
export const handler = httpRoute(signRoute, {
  handle: async ({ caller, params, body, headers }) =>
    sign(await distributionDeps(), { signerId: caller.userId, distributionId: params.id, body, idempotencyKey: headers['idempotency-key'] ?? null }),
});
