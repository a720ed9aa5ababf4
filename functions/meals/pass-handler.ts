import { mealPassRoute } from '../contract/meals';
import { redemptionDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { mealPass } from './redemption';

/** GET /me/meal-pass — the worker's pass (writes nothing). */
export const handler = httpRoute(mealPassRoute, {
  handle: async ({ caller }) => mealPass(await redemptionDeps(), caller.userId),
});
