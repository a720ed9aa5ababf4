import { z } from 'zod';
import { LOW_CARBON_ACTIONS } from '../domain/lowcarbon';
import { lowCarbonDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { recordLowCarbonAction } from './lowcarbon';

const body = z.object({ code: z.string().min(1).max(2048), action: z.enum(LOW_CARBON_ACTIONS) });

/** POST /lowcarbon/actions — a merchant records a person's action. */
export const handler = httpRoute({
  auth: 'required',
  roles: ['merchant'],
  idempotent: true,
  successStatus: 201,
  body,
  handle: async ({ caller, body, completeWith }) => recordLowCarbonAction(await lowCarbonDeps(), caller.userId, body, completeWith),
});
