import { createHash } from 'node:crypto';
import { RuleViolation } from './errors';

/** 答题: three questions a day per person, the same set on every reload, each answered once. */

export interface Question {
  id: string;
  topic: string;
  prompt: string;
  choices: string[];
  answer: number;
  explanation: string;
}

export interface AnswerRecord {
  questionId: string;
  choice: number;
  correct: boolean;
}

/**
 * A deterministic choice of `count` distinct questions from (user, day): a seeded shuffle of the
 * bank's ids, so a reload, another device or another Lambda shows the same set.
 */
export function dailyQuestionIds(bankIds: readonly string[], userId: string, day: string, count: number): string[] {
  const ranked = [...bankIds].sort().map((id) => ({ id, rank: createHash('sha256').update(`${userId}|${day}|${id}`).digest('hex') }));
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return ranked.slice(0, Math.min(count, ranked.length)).map((entry) => entry.id);
}

/** What the client may see before answering: never the answer or the explanation. */
export function publicQuestion(question: Question) {
  return { id: question.id, prompt: question.prompt, choices: [...question.choices] };
}

export function alreadyAnsweredError() {
  return new RuleViolation('ALREADY_ANSWERED', '这道题已经回答过了');
}

export function quizMarkerId(day: string, questionId: string): string {
  return `quiz#${day}#${questionId}`;
}

export interface QuizRepository {
  /** The question bank, by id (cached: it changes only when seeded). */
  bank(): Promise<Map<string, Question>>;
  seed(questions: Question[]): Promise<void>;
  answers(userId: string, day: string): Promise<AnswerRecord[]>;
  /** A wrong answer's marker (no flowers, so no ledger move); false when the question was answered already. */
  recordWrongAnswer(userId: string, markerId: string, record: AnswerRecord, createdAt: string): Promise<boolean>;
}
