import { scheduleAssemblyRoute } from '../contract/assemblies';
import { httpRoute } from '../shared/http';
import { assemblyDeps } from '../wiring';
import { scheduleAssembly, viewerOf } from './assemblies';
import { assemblyView } from './views';

/** POST /dreams/{id}/assemblies — the adopting charity schedules an assembly; the stream invites every donor. */
export const handler = httpRoute(scheduleAssemblyRoute, {
  handle: async ({ caller, params, body }) => {
    const app = await assemblyDeps();
    const assembly = await scheduleAssembly(app, caller.userId, params.id, body);
    return { assembly: assemblyView(assembly, 0, await viewerOf(app, caller.userId)) };
  },
});
