import { activeCitiesRoute } from '../contract/meals';
import { mealDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { activeCities } from './cities';

/** GET /stores/cities (public) — the cities a donor can pick on 爱心餐. */
export const handler = httpRoute(activeCitiesRoute, {
  handle: async () => activeCities(await mealDeps()),
});
