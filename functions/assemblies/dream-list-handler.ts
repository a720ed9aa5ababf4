import { dreamAssembliesRoute } from '../contract/assemblies';
import { httpRoute } from '../shared/http';
import { assemblyDeps } from '../wiring';
import { dreamAssemblies, viewerOf } from './assemblies';
import { assemblyView } from './views';

/** GET /dreams/{id}/assemblies — a dream's assemblies (public; held ones for their charity and admins). */
export const handler = httpRoute(dreamAssembliesRoute, {
  handle: async ({ caller, params, query }) => {
    const app = await assemblyDeps();
    const viewer = await viewerOf(app, caller?.userId ?? null);
    const found = await dreamAssemblies(app, params.id, viewer, query);
    return { items: found.items.map(({ assembly, attendance }) => assemblyView(assembly, attendance, viewer)), nextCursor: found.nextCursor };
  },
});
