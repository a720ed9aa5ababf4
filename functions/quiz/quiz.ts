import type { QuizAnswerInput, QuizAnswerResult } from '../contract/earning';
import { dayOf } from '../domain/calendar';
import type { IdempotentCompletion } from '../domain/idempotency';
import type { Clock, LedgerRepository, MoveResult } from '../domain/ports';
import { alreadyAnsweredError, dailyQuestionIds, publicQuestion, quizMarkerId, type QuizRepository } from '../domain/quiz';
import type { AppConfig } from '../shared/config';
import { NotFoundError, ValidationError } from '../domain/errors';

export interface QuizDeps {
  config: AppConfig;
  clock: Clock;
  quiz: QuizRepository;
  ledger: LedgerRepository;
}

async function todaysSet(deps: QuizDeps, userId: string) {
  const day = dayOf(deps.clock.now(), deps.config.rules.timezone);
  const bank = await deps.quiz.bank();
  const ids = dailyQuestionIds([...bank.keys()], userId, day, deps.config.rules.quiz.questionsPerDay);
  return { day, bank, ids };
}

/** GET /quiz/today: the day's set; answers only for what this user already answered. */
export async function todaysQuiz(deps: QuizDeps, userId: string) {
  const { day, bank, ids } = await todaysSet(deps, userId);
  const answers = new Map((await deps.quiz.answers(userId, day)).map((a) => [a.questionId, a]));
  return {
    date: day,
    questions: ids.map((id) => {
      const question = bank.get(id)!;
      const answer = answers.get(id);
      return { ...publicQuestion(question), answered: answer ? { choice: answer.choice, correct: answer.correct, explanation: question.explanation } : null };
    }),
  };
}

export type AnswerResult = QuizAnswerResult;

/** POST /quiz/answers: each question of today's set once; a correct answer earns flowers. */
export async function answerQuestion(
  deps: QuizDeps,
  userId: string,
  input: QuizAnswerInput,
  completion?: (present: (move: MoveResult) => AnswerResult) => IdempotentCompletion<MoveResult> | undefined,
): Promise<AnswerResult> {
  const { day, bank, ids } = await todaysSet(deps, userId);
  const question = ids.includes(input.questionId) ? bank.get(input.questionId) : undefined;
  if (!question) throw new NotFoundError('这道题不在你今天的题目里');
  if (input.choice >= question.choices.length) {
    throw new ValidationError('选项超出范围', [{ in: 'body', path: ['choice'], message: `choice must be 0–${question.choices.length - 1}` }]);
  }
  const correct = input.choice === question.answer;
  const markerId = quizMarkerId(day, question.id);
  const record = { questionId: question.id, choice: input.choice, correct };
  if (!correct) {
    const recorded = await deps.quiz.recordWrongAnswer(userId, markerId, record, deps.clock.now().toISOString());
    if (!recorded) throw alreadyAnsweredError();
    const account = await deps.ledger.getAccount(userId);
    return { correct, explanation: question.explanation, flowers: 0, balance: account?.balance ?? 0, correctChoice: question.answer };
  }
  const flowers = deps.config.rules.quiz.flowersPerCorrectAnswer;
  const present = (move: MoveResult): AnswerResult => ({
    correct,
    explanation: question.explanation,
    flowers,
    balance: move.account.balance,
    correctChoice: question.answer,
  });
  const move = await deps.ledger.move(
    { userId, delta: flowers, reason: 'quiz', refId: question.id, note: '答题正确' },
    { guards: [{ markerId, onConflict: alreadyAnsweredError, attributes: record }], completion: completion?.(present) },
  );
  return present(move);
}
