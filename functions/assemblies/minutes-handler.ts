import { publishMinutesRoute } from '../contract/assemblies';
import { httpRoute } from '../shared/http';
import { assemblyDeps } from '../wiring';
import { publishMinutes, viewerOf } from './assemblies';
import { assemblyView } from './views';

/** POST /assemblies/{id}/minutes — the minutes close the assembly. */
export const handler = httpRoute(publishMinutesRoute, {
  handle: async ({ caller, params, body }) => {
    const app = await assemblyDeps();
    const assembly = await publishMinutes(app, caller.userId, params.id, body.minutes);
    return { assembly: assemblyView(assembly, await app.assemblies.attendance(assembly), await viewerOf(app, caller.userId)) };
  },
});
