import { recordLowCarbonRoute } from '../contract/earning';
import { lowCarbonDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { recordLowCarbonAction } from './lowcarbon';

/** POST /lowcarbon/actions — a merchant records a person's action. */
export const handler = httpRoute(recordLowCarbonRoute, {
  handle: async ({ caller, body, completeWith }) => recordLowCarbonAction(await lowCarbonDeps(), caller.userId, body, completeWith),
});
