import { getAssemblyRoute } from '../contract/assemblies';
import { httpRoute } from '../shared/http';
import { assemblyDeps } from '../wiring';
import { readAssembly, viewerOf } from './assemblies';
import { assemblyView, questionView } from './views';

/** GET /assemblies/{id} — an assembly and its questions, most votes first (public). */
export const handler = httpRoute(getAssemblyRoute, {
  handle: async ({ caller, params }) => {
    const app = await assemblyDeps();
    const viewer = await viewerOf(app, caller?.userId ?? null);
    const { assembly, attendance, questions, voted } = await readAssembly(app, params.id, viewer);
    return {
      assembly: assemblyView(assembly, attendance, viewer),
      questions: questions.map((question) => questionView(question, viewer, voted, assembly.charityId)),
    };
  },
});
