import { joinAssemblyRoute } from '../contract/assemblies';
import { httpRoute } from '../shared/http';
import { assemblyDeps } from '../wiring';
import { joinAssembly } from './assemblies';

/** POST /assemblies/{id}/join — counts the caller once and hands out the meeting link from 10 minutes before the start. */
export const handler = httpRoute(joinAssemblyRoute, {
  handle: async ({ caller, params }) => joinAssembly(await assemblyDeps(), caller.userId, params.id),
});
