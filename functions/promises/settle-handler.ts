import { settlePromiseRoute } from '../contract/promises';
import { promiseDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { settlePromise } from './promises';

/** POST /promises/{id}/status — the adopting charity marks a promise done or unmet. */
export const handler = httpRoute(settlePromiseRoute, {
  handle: async ({ caller, params, body }) => ({ promise: await settlePromise(await promiseDeps(), caller.userId, params.id, body) }),
});
