import { answerQuestionRoute } from '../contract/assemblies';
import { httpRoute } from '../shared/http';
import { assemblyDeps } from '../wiring';
import { answerQuestion, viewerOf } from './assemblies';
import { questionView } from './views';

/** POST /questions/{id}/answer — the adopting charity answers or declines with a reason. */
export const handler = httpRoute(answerQuestionRoute, {
  handle: async ({ caller, params, body }) => {
    const app = await assemblyDeps();
    const question = await answerQuestion(app, caller.userId, params.id, body);
    return { question: questionView(question, await viewerOf(app, caller.userId), new Set(), caller.userId) };
  },
});
