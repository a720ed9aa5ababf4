import { redeemMealRoute } from '../contract/meals';
import { redemptionDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { redeemMeal } from './redemption';

/** POST /stores/{id}/redemptions — a scan hands out the store's oldest funded meal. */
export const handler = httpRoute(redeemMealRoute, {
  handle: async ({ caller, params, body }) => redeemMeal(await redemptionDeps(), caller.userId, params.id, body.pass),
});
