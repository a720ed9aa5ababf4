import { answerQuizRoute } from '../contract/earning';
import { quizDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { answerQuestion } from './quiz';

/** POST /quiz/answers */
export const handler = httpRoute(answerQuizRoute, {
  handle: async ({ caller, body, completeWith }) => answerQuestion(await quizDeps(), caller.userId, body, completeWith),
});
