import { distributionTimelineRoute } from '../contract/distributions';
import { distributionDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { distributionTimeline } from './distributions';

/** GET /distributions/{id}/signoffs — the public timeline of hand-overs, newest first. */
export const handler = httpRoute(distributionTimelineRoute, {
  handle: async ({ params, query }) => distributionTimeline(await distributionDeps(), params.id, query),
});
