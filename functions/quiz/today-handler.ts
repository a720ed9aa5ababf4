import { todaysQuizRoute } from '../contract/earning';
import { quizDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { todaysQuiz } from './quiz';

/** GET /quiz/today */
export const handler = httpRoute(todaysQuizRoute, {
  handle: async ({ caller }) => todaysQuiz(await quizDeps(), caller.userId),
});
