import { routeTable } from '../shared/route-table';
import { handler as activeStores } from './stores-handler';
import { handler as activeCities } from './cities-handler';
import { handler as myMeals } from './mine-handler';
import { handler as storeMeals } from './store-meals-handler';
import { handler as mealPass } from './pass-handler';

/** The `mealService` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'GET /stores': activeStores,
  'GET /stores/cities': activeCities,
  'GET /me/meals': myMeals,
  'GET /me/stores/{id}/meals': storeMeals,
  'GET /me/meal-pass': mealPass,
});
