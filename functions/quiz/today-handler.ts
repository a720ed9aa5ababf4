import { todaysQuizRoute } from '../contract/earning';
import { quizDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { todaysQuiz } from './quiz';

/** GET /quiz/today */
export const handler = httpRoute(todaysQuizRoute, {
  handle: async ({ caller }) => todaysQuiz(await quizDeps(), caller.userId),
});
