import { makePromiseRoute } from '../contract/promises';
import { promiseDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { makePromise } from './promises';

/** POST /assemblies/{id}/promises — the adopting charity records a promise (in progress). */
export const handler = httpRoute(makePromiseRoute, {
  handle: async ({ caller, params, body }) => ({ promise: await makePromise(await promiseDeps(), caller.userId, params.id, body) }),
});
