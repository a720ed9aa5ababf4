import { donateMealsRoute } from '../contract/meals';
import { mealDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { donateMealsWithKey } from './donations';

/** POST /meals/donations — a pending donation and its WeChat Pay order (Idempotency-Key). */
export const handler = httpRoute(donateMealsRoute, {
  handle: async ({ caller, body, headers }) => donateMealsWithKey(await mealDeps(), caller.userId, body, headers['idempotency-key']),
});
