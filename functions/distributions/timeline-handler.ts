import { distributionTimelineRoute } from '../contract/distributions';
import { distributionDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { distributionTimeline } from './distributions';
import { viewerOf } from './viewer';

/** GET /distributions/{id}/signoffs — the public timeline of hand-overs, newest first (a held distribution's for its charity and admins). */
export const handler = httpRoute(distributionTimelineRoute, {
  handle: async ({ caller, params, query }) => {
    const app = await distributionDeps();
    return distributionTimeline(app, await viewerOf(app, caller?.userId ?? null), params.id, query);
  },
});
