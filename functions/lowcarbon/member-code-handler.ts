import { memberCodeRoute } from '../contract/earning';
import { lowCarbonDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { issueMemberCode } from './lowcarbon';

/** GET /me/member-code */
export const handler = httpRoute(memberCodeRoute, {
  handle: async ({ caller }) => issueMemberCode(await lowCarbonDeps(), caller.userId),
});
