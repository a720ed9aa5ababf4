import { devGrantRoute } from '../contract/me';
import { ledgerDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { grantFlowers } from './grant';

/** POST /dev/grants — local and test stages only (like /auth/dev): credits the caller. */
export const handler = httpRoute(devGrantRoute, {
  handle: async ({ caller, body, completeWith }) => grantFlowers(await ledgerDeps(), { userId: caller.userId, flowers: body.flowers }, completeWith),
});
