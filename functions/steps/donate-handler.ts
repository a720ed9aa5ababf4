import { stepsDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { stepsBody } from './schemas';
import { donateSteps } from './steps';

/** POST /steps/donations */
export const handler = httpRoute({
  auth: 'required',
  idempotent: true,
  body: stepsBody,
  handle: async ({ caller, body, completeWith }) => donateSteps(await stepsDeps(), caller.userId, body, completeWith),
});
