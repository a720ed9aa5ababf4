import { assemblyPollsRoute } from '../contract/polls';
import { pollDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { assemblyPolls } from './polls';

/** GET /assemblies/{id}/polls — the assembly's polls, results only once closed (public). */
export const handler = httpRoute(assemblyPollsRoute, {
  handle: async ({ caller, params }) => assemblyPolls(await pollDeps(), params.id, caller?.userId ?? null),
});
