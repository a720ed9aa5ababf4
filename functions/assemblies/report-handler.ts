import { reportQuestionRoute } from '../contract/assemblies';
import { httpRoute } from '../shared/http';
import { assemblyDeps } from '../wiring';
import { reportQuestion } from './assemblies';

/** POST /questions/{id}/reports — a donor reports an abusive question, once. */
export const handler = httpRoute(reportQuestionRoute, {
  handle: async ({ caller, params, body }) => {
    await reportQuestion(await assemblyDeps(), caller.userId, params.id, body.reason ?? null);
    return { reported: true as const };
  },
});
