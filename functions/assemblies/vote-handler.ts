import { voteQuestionRoute } from '../contract/assemblies';
import { httpRoute } from '../shared/http';
import { assemblyDeps } from '../wiring';
import { viewerOf, voteQuestion } from './assemblies';
import { questionView } from './views';

/** POST /questions/{id}/votes — one vote per donor per question. */
export const handler = httpRoute(voteQuestionRoute, {
  handle: async ({ caller, params }) => {
    const app = await assemblyDeps();
    const question = await voteQuestion(app, caller.userId, params.id);
    return { question: questionView(question, await viewerOf(app, caller.userId), new Set([question.id])) };
  },
});
