import { registerEmployerRoute } from '../contract/meals';
import { adminActor } from '../admin/people';
import { rosterDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { registerEmployer } from './roster';

/** POST /admin/employers — an admin registers an employer to the charity that keeps its roster (audited). */
export const handler = httpRoute(registerEmployerRoute, {
  handle: async ({ body, caller }) => {
    const app = await rosterDeps();
    return registerEmployer(app, await adminActor(app, caller.userId), body);
  },
});
