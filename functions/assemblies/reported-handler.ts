import { reportedQuestionsRoute } from '../contract/assemblies';
import { httpRoute } from '../shared/http';
import { assemblyDeps } from '../wiring';
import { reportedQuestions } from './assemblies';
import { questionView } from './views';

/** GET /admin/questions/reported — questions hidden for an admin's look, oldest first. */
export const handler = httpRoute(reportedQuestionsRoute, {
  handle: async ({ caller, query }) => {
    const found = await reportedQuestions(await assemblyDeps(), query);
    const admin = { userId: caller.userId, isAdmin: true };
    return {
      items: found.items.map(({ question, assembly }) => ({
        question: questionView(question, admin),
        dreamId: question.dreamId,
        assemblyTitle: assembly?.title ?? '',
      })),
      nextCursor: found.nextCursor,
    };
  },
});
