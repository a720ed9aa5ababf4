import type { AssemblyStatus, QuestionReviewDecision, QuestionStatus } from '../contract/assembly-fields';
import type { AuditRecord } from './audit';
import type { DreamRecord } from './dream';
import { RuleViolation, ValidationError } from './errors';

/**
 * Donor assemblies (公益股东人大会): the adopting charity meets the dream's donors, who ask in the
 * open and vote; the most-voted questions must be answered before the minutes close it. Pure
 * rules here: the ordering, the must-answer rule and the time windows.
 */

export interface AssemblyRecord {
  id: string;
  dreamId: string;
  /** The charity that scheduled it (the dream's adopter then). */
  charityId: string;
  title: string;
  startsAt: string;
  questionsCloseAt: string;
  meetingUrl: string | null;
  statementLetterId: string | null;
  status: AssemblyStatus;
  minutes: string | null;
  createdAt: string;
  closedAt: string | null;
  questionCount: number;
  /** How many counter shards its attendance is spread over (fixed when it is scheduled). */
  attendanceShards: number;
  /** Its title waits for an admin (WeChat's check said review): only its charity and admins see it. */
  held?: boolean;
  /** Its minutes wait for an admin: others see the closed assembly without them. */
  minutesHeld?: boolean;
}

export interface StatementLine {
  letterId: string;
  lineIndex: number;
}

export interface QuestionRecord {
  id: string;
  assemblyId: string;
  dreamId: string;
  authorId: string;
  text: string;
  askedAt: string;
  status: QuestionStatus;
  answer: string | null;
  answeredAt: string | null;
  answerLine: StatementLine | null;
  /** Hidden by reports (pending an admin) or removed by one. */
  hidden: boolean;
  /** An admin removed it: it stays hidden for good. */
  removed: boolean;
  /** An admin restored it: reports no longer hide it. */
  restored: boolean;
  reportCount: number;
  /** WeChat's check asked a person to look: hidden until an admin restores it. */
  held: boolean;
  /** The charity's answer waits for an admin: others see the question without it. */
  answerHeld?: boolean;
  /** How many counter shards its votes are spread over (fixed when it is asked). */
  voteShards: number;
}

/** A question with its vote count (summed from its shards). */
export interface CountedQuestion extends QuestionRecord {
  votes: number;
}

/** Most votes first; ties: the earlier asked first (then by id, so the order is total). */
export function byVotes(a: Pick<CountedQuestion, 'votes' | 'askedAt' | 'id'>, b: Pick<CountedQuestion, 'votes' | 'askedAt' | 'id'>): number {
  if (a.votes !== b.votes) return b.votes - a.votes;
  if (a.askedAt !== b.askedAt) return a.askedAt < b.askedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function orderQuestions<T extends Pick<CountedQuestion, 'votes' | 'askedAt' | 'id'>>(questions: readonly T[]): T[] {
  return [...questions].sort(byVotes);
}

/** A question others can see: not hidden by reports, not removed, not held for an admin. */
export const isShown = (question: Pick<QuestionRecord, 'hidden' | 'removed' | 'held'>): boolean => !question.hidden && !question.removed && !question.held;

/**
 * The questions that keep the minutes back: of the shown questions with at least one vote, the
 * `mustAnswer` most voted (ties: the earlier asked first), those still open.
 */
export function mustAnswerBlockers(questions: readonly CountedQuestion[], mustAnswer: number): CountedQuestion[] {
  const ranked = orderQuestions(questions.filter((question) => isShown(question) && question.votes >= 1)).slice(0, mustAnswer);
  return ranked.filter((question) => question.status === 'open');
}

/**
 * A question's id names its assembly, so a route that has only the question id reads it with one
 * get: `<assemblyId>-<own id>` (two ULIDs, within the 64 characters of an id).
 */
export const questionIdFor = (assemblyId: string, ownId: string): string => `${assemblyId}-${ownId}`;

export const JOIN_LEAD_MS = 10 * 60 * 1000;

/** Questions and votes are taken until questionsCloseAt (at it, still), never after the minutes. */
export function questionsOpen(assembly: Pick<AssemblyRecord, 'status' | 'questionsCloseAt'>, now: Date): boolean {
  return assembly.status === 'scheduled' && now.getTime() <= Date.parse(assembly.questionsCloseAt);
}

/** When the meeting link is handed out: 10 minutes before it starts. */
export const joinOpensAt = (assembly: Pick<AssemblyRecord, 'startsAt'>): Date => new Date(Date.parse(assembly.startsAt) - JOIN_LEAD_MS);

export const mayJoin = (assembly: Pick<AssemblyRecord, 'startsAt'>, now: Date): boolean => now.getTime() >= joinOpensAt(assembly).getTime();

/** The schedule's own rule: the question window closes at or before the meeting starts. */
export function scheduleProblem(input: { startsAt: string; questionsCloseAt: string }): ValidationError | null {
  if (Date.parse(input.questionsCloseAt) <= Date.parse(input.startsAt)) return null;
  return new ValidationError('提问截止时间不能晚于会议开始时间', [{ in: 'body', path: ['questionsCloseAt'], message: 'must be at or before startsAt' }]);
}

export const questionsClosed = () => new RuleViolation('QUESTIONS_CLOSED', '提问和投票已截止');
export const assemblyClosed = () => new RuleViolation('ASSEMBLY_CLOSED', '股东大会已结束，纪要已发布');
export const alreadyVoted = () => new RuleViolation('ALREADY_VOTED', '你已经为这个问题投过票了');
export const alreadyReported = () => new RuleViolation('ALREADY_REPORTED', '你已经举报过这个问题了');
export const alreadyAnswered = () => new RuleViolation('ALREADY_ANSWERED', '这个问题已经回答过了');
export const notStarted = (opensAt: Date) => new RuleViolation('NOT_STARTED', '会议开始前 10 分钟才能加入', { opensAt: opensAt.toISOString() });
export const unansweredQuestions = (blockers: readonly CountedQuestion[]) =>
  new RuleViolation('UNANSWERED_QUESTIONS', `还有 ${blockers.length} 个票数最高的问题没有回答`, { questionIds: blockers.map((question) => question.id) });

/** Dreams whose charity holds assemblies: adopted, and later completed. */
export const HOLDS_ASSEMBLIES = new Set<DreamRecord['status']>(['adopted', 'completed']);

/** What an admin's look at a hidden question changes. */
export function reviewOutcome(decision: QuestionReviewDecision): Pick<QuestionRecord, 'hidden' | 'removed' | 'restored' | 'held'> {
  return decision === 'restore'
    ? { hidden: false, removed: false, restored: true, held: false }
    : { hidden: true, removed: true, restored: false, held: false };
}

/** Reports hide a question from `reportsToHide` on, unless an admin restored it. */
export const hiddenByReports = (question: Pick<QuestionRecord, 'reportCount' | 'restored'>, reportsToHide: number): boolean =>
  !question.restored && question.reportCount >= reportsToHide;

/** The storage the use cases need; adapters/dynamodb/assembly-*.ts implement it. */
export interface AssemblyStore {
  create(assembly: AssemblyRecord): Promise<void>;
  get(assemblyId: string): Promise<AssemblyRecord | null>;
  /** The dream's assemblies, the latest start first. */
  listForDream(dreamId: string, page: { limit: number; cursor?: string }): Promise<{ items: AssemblyRecord[]; nextCursor: string | null }>;
  /** Closes it with the minutes; false when it was closed already. */
  close(assemblyId: string, minutes: string, at: string, minutesHeld?: boolean): Promise<boolean>;
  /** Records the person's attendance once; false when they joined before. */
  join(assembly: AssemblyRecord, userId: string, at: string): Promise<boolean>;
  attendance(assembly: AssemblyRecord): Promise<number>;
  addQuestion(question: QuestionRecord): Promise<void>;
  question(questionId: string): Promise<QuestionRecord | null>;
  questions(assemblyId: string): Promise<QuestionRecord[]>;
  /** Each question's votes, summed from its shards. */
  voteCounts(questions: readonly QuestionRecord[]): Promise<Map<string, number>>;
  /** One vote by one person; false when they voted already (also when sent at the same moment). */
  vote(question: QuestionRecord, userId: string, at: string): Promise<boolean>;
  /** Which of these questions the person voted for. */
  votedBy(userId: string, questionIds: readonly string[]): Promise<Set<string>>;
  /** One report by one person; the new report count, or null when they reported it already. */
  report(question: QuestionRecord, userId: string, reason: string | null, at: string): Promise<number | null>;
  /** Hides it for an admin's look (the reported queue); false when it is hidden already or was restored. */
  hideForReview(question: QuestionRecord, at: string): Promise<boolean>;
  /** Answers (or declines) an open question; false when it was answered already. */
  answer(question: QuestionRecord, answer: Pick<QuestionRecord, 'status' | 'answer' | 'answeredAt' | 'answerLine' | 'answerHeld'>): Promise<boolean>;
  /** An admin's look, with its audit entry in the same write; false when another admin looked first. */
  review(question: QuestionRecord, outcome: Pick<QuestionRecord, 'hidden' | 'removed' | 'restored' | 'held'>, audit: AuditRecord): Promise<boolean>;
  /** Questions waiting for an admin's look, oldest first. */
  reported(page: { limit: number; cursor?: string }): Promise<{ items: QuestionRecord[]; nextCursor: string | null }>;
}

/** Who may ask and vote: a person with a gift to the dream (its donor item). */
export interface DreamDonors {
  isDonor(dream: DreamRecord, userId: string): Promise<boolean>;
}
