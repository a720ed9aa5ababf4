import { openSpotChecksRoute } from '../contract/spot-checks';
import { httpRoute } from '../shared/http';
import { spotCheckDeps } from '../wiring';
import { spotChecksNeedingAttention } from './spot-checks';

/** GET /admin/spot-checks — draws with a call-back to make or a dispute to resolve. */
export const handler = httpRoute(openSpotChecksRoute, {
  handle: async ({ query }) => spotChecksNeedingAttention(await spotCheckDeps(), query),
});
