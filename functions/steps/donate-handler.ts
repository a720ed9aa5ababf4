import { donateStepsRoute } from '../contract/earning';
import { stepsDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { donateSteps } from './steps';

/** POST /steps/donations */
export const handler = httpRoute(donateStepsRoute, {
  handle: async ({ caller, body, completeWith }) => donateSteps(await stepsDeps(), caller.userId, body, completeWith),
});
