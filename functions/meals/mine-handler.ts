import { myMealsRoute } from '../contract/meals';
import { mealDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { myMeals } from './donations';

/** GET /me/meals — the donor's donations and where their meals were eaten. */
export const handler = httpRoute(myMealsRoute, {
  handle: async ({ caller, query }) => myMeals(await mealDeps(), caller.userId, query),
});
