import { activeStoresRoute } from '../contract/meals';
import { mealDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { activeStores } from './donations';

/** GET /stores?city= (public) — where a donor can buy love meals. */
export const handler = httpRoute(activeStoresRoute, {
  handle: async ({ query }) => activeStores(await mealDeps(), query),
});
