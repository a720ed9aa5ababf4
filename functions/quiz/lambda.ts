import { routeTable } from '../shared/route-table';
import { handler as todaysQuiz } from './today-handler';
import { handler as answerQuiz } from './answer-handler';

/** The `quiz` function of serverless.yml: each of its routes is served by that route's own thin handler. */
export const handler = routeTable({
  'GET /quiz/today': todaysQuiz,
  'POST /quiz/answers': answerQuiz,
});
