import { z } from 'zod';
import { quizDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { answerQuestion } from './quiz';

const body = z.object({ questionId: z.string().min(1).max(64), choice: z.number().int().min(0).max(9) });

/** POST /quiz/answers */
export const handler = httpRoute({
  auth: 'required',
  idempotent: true,
  body,
  handle: async ({ caller, body, completeWith }) => answerQuestion(await quizDeps(), caller.userId, body, completeWith),
});
