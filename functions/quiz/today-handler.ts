import { quizDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { todaysQuiz } from './quiz';

/** GET /quiz/today */
export const handler = httpRoute({
  auth: 'required',
  handle: async ({ caller }) => todaysQuiz(await quizDeps(), caller.userId),
});
