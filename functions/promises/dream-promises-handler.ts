import { dreamPromisesRoute } from '../contract/promises';
import { promiseDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { dreamPromises } from './promises';

/** GET /dreams/{id}/promises — every promise made to the dream's donors (public). */
export const handler = httpRoute(dreamPromisesRoute, {
  handle: async ({ params }) => dreamPromises(await promiseDeps(), params.id),
});
