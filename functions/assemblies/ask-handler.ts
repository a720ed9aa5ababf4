import { askQuestionRoute } from '../contract/assemblies';
import { httpRoute } from '../shared/http';
import { assemblyDeps } from '../wiring';
import { askQuestion, viewerOf } from './assemblies';
import { questionView } from './views';

/** POST /assemblies/{id}/questions — a donor of the dream asks in the open. */
export const handler = httpRoute(askQuestionRoute, {
  handle: async ({ caller, params, body }) => {
    const app = await assemblyDeps();
    const question = await askQuestion(app, caller.userId, params.id, body.text);
    return { question: questionView(question, await viewerOf(app, caller.userId)) };
  },
});
