import { adminActor } from '../admin/people';
import { reviewQuestionRoute } from '../contract/assemblies';
import { httpRoute } from '../shared/http';
import { assemblyDeps } from '../wiring';
import { reviewQuestion } from './assemblies';
import { questionView } from './views';

/** POST /admin/questions/{id}/review — an admin restores or removes a question waiting for a look; audited. */
export const handler = httpRoute(reviewQuestionRoute, {
  handle: async ({ caller, params, body }) => {
    const app = await assemblyDeps();
    const question = await reviewQuestion(app, await adminActor(app, caller.userId), params.id, body.decision);
    return { question: questionView(question, { userId: caller.userId, isAdmin: true }) };
  },
});
