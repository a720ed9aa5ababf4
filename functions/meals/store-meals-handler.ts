import { storeMealsRoute } from '../contract/meals';
import { mealDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { storeMeals } from './redemption';

/** GET /me/stores/{id}/meals — the merchant's meals, today and this month. */
export const handler = httpRoute(storeMealsRoute, {
  handle: async ({ caller, params, query }) => storeMeals(await mealDeps(), caller.userId, params.id, query.month),
});
