import { z } from 'zod';
import type { MoveResult } from '../domain/ports';
import { container } from '../shared/container';
import { httpRoute } from '../shared/http';
import { answerQuestion, type AnswerResult } from './quiz';

const body = z.object({ questionId: z.string().min(1).max(64), choice: z.number().int().min(0).max(9) });

/** POST /quiz/answers */
export const handler = httpRoute({
  auth: 'required',
  idempotent: true,
  body,
  handle: async ({ caller, body, idempotency, render }) =>
    answerQuestion(
      await container(),
      caller.userId,
      body,
      idempotency ? (present: (move: MoveResult) => AnswerResult) => ({ claim: idempotency, render: (move) => render(present(move)) }) : undefined,
    ),
});
