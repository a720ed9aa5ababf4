import { dreamAssembliesRoute } from '../contract/assemblies';
import { httpRoute } from '../shared/http';
import { assemblyDeps } from '../wiring';
import { dreamAssemblies, viewerOf } from './assemblies';
import { assemblyView } from './views';

/** GET /dreams/{id}/assemblies — a dream's assemblies (public). */
export const handler = httpRoute(dreamAssembliesRoute, {
  handle: async ({ caller, params, query }) => {
    const app = await assemblyDeps();
    const [found, viewer] = await Promise.all([dreamAssemblies(app, params.id, query), viewerOf(app, caller?.userId ?? null)]);
    return { items: found.items.map(({ assembly, attendance }) => assemblyView(assembly, attendance, viewer)), nextCursor: found.nextCursor };
  },
});
