import { auditRecord, type AuditActor, type AuditRecord } from './audit';
import { dayOf, daysBetween } from './calendar';
import type { FanoutMessage } from './fanout';
import { RuleViolation, ValidationError } from './errors';

/**
 * 小红花来信: a charity's statement to the donors of a dream it adopted. A letter reconciles or it
 * cannot be submitted: its opening balance is the previous published letter's closing balance (the
 * first letter opens with the dream's matched money), closing = opening + Σ income − Σ spend, never
 * below zero, and its period starts after the previous letter's ended. The figures are stored on
 * the letter, so a donor's page never recomputes history.
 */

import type { NamedImage } from './upload';
import { statementTotals } from '../contract/statement-rule';
import { LETTER_KINDS, LETTER_STATUSES, LINE_ITEM_KINDS, type LetterKind, type LetterStatus, type LineItemKind } from '../contract/enums';

export { LETTER_KINDS, LETTER_STATUSES, LINE_ITEM_KINDS, type LetterKind, type LetterStatus, type LineItemKind };

export interface LineItem {
  description: string;
  amountFen: number;
  kind: LineItemKind;
  /** An upload id: the receipt's photo, checked like the letter's photos. */
  receiptPhoto?: string;
  /** A distribution of the letter's own dream that this line paid for. */
  distributionId?: string;
}

/** Where a statement cites a distribution that is not one of this dream's: each line's path, for the 400. */
export function foreignCitations(lineItems: LineItem[], dreamId: string, dreamOf: ReadonlyMap<string, string | null>): (string | number)[][] {
  return lineItems.flatMap((item, index) =>
    item.distributionId && dreamOf.get(item.distributionId) !== dreamId ? [['statement', 'lineItems', index, 'distributionId']] : [],
  );
}

/** Every image a letter names: its photos, then each line item's receipt photo. */
export function imagesOf(letter: { photos?: string[]; statement?: { lineItems: LineItem[] } | null }): NamedImage[] {
  const photos = (letter.photos ?? []).map((id, index) => ({ id, path: ['photos', index] }));
  const receipts = (letter.statement?.lineItems ?? []).flatMap((item, index) =>
    item.receiptPhoto ? [{ id: item.receiptPhoto, path: ['statement', 'lineItems', index, 'receiptPhoto'] }] : [],
  );
  return [...photos, ...receipts];
}

/** One field a 400 names, as the contract's validation failures do. */
export interface FieldIssue {
  in: 'body';
  path: (string | number)[];
  message: string;
}

/** How far ahead of the server's clock a writer's clock may run (a phone set a little fast). */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The date rules that need "now": something reported has happened (not ahead of now, beyond the
 * clock skew), and a statement covers a finished stretch of days: it starts no later than it ends,
 * ends no later than today in the contract's zone, and spans at most `maxPeriodDays`. The contract
 * has already checked that each one is a real date.
 */
export function letterDateProblems(
  input: { happenedAt: string; statement?: { periodStart: string; periodEnd: string } | null },
  now: Date,
  rules: { timezone: string; maxPeriodDays: number },
): FieldIssue[] {
  const problems: FieldIssue[] = [];
  if (Date.parse(input.happenedAt) > now.getTime() + CLOCK_SKEW_MS) {
    problems.push({ in: 'body', path: ['happenedAt'], message: 'happenedAt is in the future' });
  }
  const period = input.statement;
  if (!period) return problems;
  const at = (field: string, message: string): FieldIssue => ({ in: 'body', path: ['statement', field], message });
  const today = dayOf(now, rules.timezone);
  if (period.periodStart > period.periodEnd) problems.push(at('periodStart', 'periodStart after periodEnd'));
  if (period.periodEnd > today) problems.push(at('periodEnd', `periodEnd after today (${today})`));
  if (daysBetween(period.periodStart, period.periodEnd) > rules.maxPeriodDays) {
    problems.push(at('periodEnd', `periodEnd more than ${rules.maxPeriodDays} days after periodStart`));
  }
  return problems;
}

/** The 400 for letterDateProblems, or null when there are none. */
export function letterDatesRefusal(problems: FieldIssue[]): ValidationError | null {
  return problems.length ? new ValidationError('日期不对：发生时间不能晚于现在，周期须在今天或之前结束', problems) : null;
}

/** What the charity states: the period, its line items, and the balances it says they give. */
export interface StatementClaim {
  periodStart: string;
  periodEnd: string;
  openingFen: number;
  closingFen: number;
  lineItems: LineItem[];
}

/** The figures of the last published letter that a new one continues from. */
export interface PreviousStatement {
  letterId: string;
  periodEnd: string;
  closingFen: number;
  sinceStartIncomeFen: number;
  sinceStartSpendFen: number;
}

/** What a letter shows: this period and since the start, apart and labelled. */
export interface LetterFigures {
  openingFen: number;
  incomeFen: number;
  spendFen: number;
  closingFen: number;
  sinceStart: { incomeFen: number; spendFen: number };
  /** The letter this one continues from; null for the first. */
  previousLetterId: string | null;
}

export interface ReconcileProblem {
  field: 'openingFen' | 'closingFen' | 'periodStart';
  expected: number | string;
  given: number | string;
  message: string;
}

/**
 * Checks a statement against the books; answers the figures to store, or throws the 409 that says
 * what does not add up (PERIOD_OVERLAPS first: a period in the wrong place cannot be reconciled).
 */
export function reconcileStatement(claim: StatementClaim, previous: PreviousStatement | null, matchedFen: number): LetterFigures {
  if (previous && !(claim.periodStart > previous.periodEnd)) {
    throw new RuleViolation('PERIOD_OVERLAPS', '这封来信的周期与上一封重叠', [
      { field: 'periodStart', expected: `after ${previous.periodEnd}`, given: claim.periodStart, message: '周期须从上一封来信的周期结束之后开始' },
    ]);
  }
  const { openingFen, incomeFen, spendFen, closingFen } = statementTotals(previous ? previous.closingFen : null, matchedFen, claim.lineItems);
  const problems: ReconcileProblem[] = [];
  if (claim.openingFen !== openingFen) {
    problems.push({
      field: 'openingFen',
      expected: openingFen,
      given: claim.openingFen,
      message: previous ? '期初余额须等于上一封来信的期末余额' : '第一封来信的期初余额须等于梦想的配捐金额',
    });
  }
  if (closingFen < 0) {
    problems.push({ field: 'closingFen', expected: closingFen, given: claim.closingFen, message: '支出超过了期初余额与收入之和，期末余额不能为负' });
  } else if (claim.closingFen !== closingFen) {
    problems.push({ field: 'closingFen', expected: closingFen, given: claim.closingFen, message: '期末余额须等于期初余额 + 收入 − 支出' });
  }
  if (problems.length) throw new RuleViolation('LETTER_DOES_NOT_RECONCILE', '账目对不上：请核对期初、收入、支出与期末余额', problems);
  return {
    openingFen,
    incomeFen,
    spendFen,
    closingFen,
    sinceStart: {
      incomeFen: (previous?.sinceStartIncomeFen ?? 0) + incomeFen,
      spendFen: (previous?.sinceStartSpendFen ?? 0) + spendFen,
    },
    previousLetterId: previous?.letterId ?? null,
  };
}

export interface LetterRecord {
  id: string;
  dreamId: string;
  authorId: string;
  kind: LetterKind;
  title: string;
  body: string;
  /** Upload keys of the author's checked photos. */
  photos: string[];
  happenedAt: string;
  status: LetterStatus;
  createdAt: string;
  publishedAt: string | null;
  reviewNote: string | null;
  /** The published letter this one corrects (a published letter is never edited). */
  corrects: string | null;
  /** Letters only: what the charity stated and the figures it reconciled to, stored for good. */
  statement: (StatementClaim & { figures: LetterFigures }) | null;
  /** A published letter an admin took back (已撤回): it stays readable, marked, with why. */
  retraction?: Retraction | null;
  /** Held for an admin: its text is seen by nobody but its writer and admins until cleared. */
  held?: boolean;
}

export interface LetterRepository {
  create(letter: LetterRecord): Promise<void>;
  get(letterId: string): Promise<LetterRecord | null>;
  /** Several at once (a letterbox page), in no particular order; missing ones are left out. */
  getMany(letterIds: string[]): Promise<LetterRecord[]>;
  /** The last published statement of a dream, or null before the first. */
  books(dreamId: string): Promise<PreviousStatement | null>;
  /**
   * Writes a review as planned (reviewPlan), in one transaction and only while the letter is still
   * in review: the decided letter, and when publishing, the dream's summary and (a statement) its
   * books, only if they still stand at the letter they were reconciled from. Answers which
   * condition failed, if one did.
   */
  decide(plan: LetterReviewPlan): Promise<ReviewWrite>;
  /** Adoption starts the clock for the first letter (written once, from the stream). */
  startSummary(dreamId: string, dueAt: string): Promise<void>;
  /** Adopted dreams whose next letter was due before `now`, most overdue first. */
  overdue(now: string, page: { limit: number; cursor?: string }): Promise<{ items: (LetterSummary & { dreamId: string })[]; nextCursor: string | null }>;
  /** rejected → in_review with the new content (its author sent it again); false when it is no longer rejected. */
  resubmit(letter: LetterRecord): Promise<boolean>;
  /** Every letter of a dream in any state, newest first (its charity's view). */
  ofDream(dreamId: string, page: { limit: number; cursor?: string }): Promise<{ items: LetterRecord[]; nextCursor: string | null }>;
  /** Letters and updates waiting for review, oldest first. */
  reviewQueue(page: { limit: number; cursor?: string }): Promise<{ items: LetterRecord[]; nextCursor: string | null }>;
  /**
   * Writes a retraction as planned (retractionPlan), in one transaction and only while the letter is
   * published and not yet retracted: the marked letter, its audit entry and, for a statement, the
   * dream's books moved back, only if they still stand at this letter.
   */
  retract(plan: RetractionPlan): Promise<RetractionWrite>;
  /** Published letters and updates of a dream, newest first (the public timeline). */
  timeline(dreamId: string, page: { limit: number; cursor?: string }): Promise<{ items: LetterRecord[]; nextCursor: string | null }>;
}

/** A publication moves the dream's books to the letter, only if they still stand where it was reconciled from. */
export interface BooksMove {
  /** The dream's books once this letter is published. */
  to: PreviousStatement;
  /** The letter they must still stand at; null when none was published before. */
  from: string | null;
}

/** What a review writes: the decided letter and, when it publishes, the dream's summary and books. */
export interface LetterReviewPlan {
  letter: LetterRecord;
  publication: { at: string; nextDueAt: string; books: BooksMove | null } | null;
}

/** How a review's write went: written, or which of its conditions failed. */
export type ReviewWrite = 'written' | 'no_longer_in_review' | 'books_moved';

/**
 * in_review → published or rejected. A published statement moves the dream's books to its figures;
 * the letter's count, last date and next due date move with any publication.
 */
export function reviewPlan(letter: LetterRecord, decision: { publish: boolean; note: string | null; at: string; nextDueAt: string }): LetterReviewPlan {
  const decided: LetterRecord = {
    ...letter,
    status: decision.publish ? 'published' : 'rejected',
    publishedAt: decision.publish ? decision.at : null,
    reviewNote: decision.note,
  };
  if (!decision.publish) return { letter: decided, publication: null };
  const { statement } = letter;
  const books: BooksMove | null = statement
    ? {
        to: {
          letterId: letter.id,
          periodEnd: statement.periodEnd,
          closingFen: statement.figures.closingFen,
          sinceStartIncomeFen: statement.figures.sinceStart.incomeFen,
          sinceStartSpendFen: statement.figures.sinceStart.spendFen,
        },
        from: statement.figures.previousLetterId,
      }
    : null;
  return { letter: decided, publication: { at: decision.at, nextDueAt: decision.nextDueAt, books } };
}

/** The refusal a review's failed write stands for (null when it was written). */
export function reviewRefusal(write: ReviewWrite): RuleViolation | null {
  if (write === 'no_longer_in_review') return notInReview();
  if (write === 'books_moved') return booksMoved();
  return null;
}

/** A submitted letter or update is reviewed once; a published one is never edited. */
export function notInReview(): RuleViolation {
  return new RuleViolation('NOT_IN_REVIEW', '这封来信已经审核过了');
}

/** Only a rejected letter is changed and sent again. */
export function notRejected(): RuleViolation {
  return new RuleViolation('NOT_REJECTED', '只有被退回的来信可以修改后重新提交');
}

export function booksMoved(): RuleViolation {
  return new RuleViolation('LETTER_DOES_NOT_RECONCILE', '在审核期间有另一封来信已发布，账目需要按新的期初余额重新核对', [
    { field: 'openingFen', message: '期初余额须等于上一封来信的期末余额' },
  ]);
}

export interface Retraction {
  reason: string;
  at: string;
}

/**
 * Where the dream's books stand once a statement is retracted: back at the letter it continued from
 * (as that one left them), or at nothing before the first one. Only from this letter: a later
 * statement continues from it and would lose its opening balance.
 */
export interface BooksRetreat {
  from: string;
  to: PreviousStatement | null;
}

export interface RetractionPlan {
  letter: LetterRecord;
  books: BooksRetreat | null;
  audit: AuditRecord;
}

/** How a retraction's write went: written, or which of its conditions failed. */
export type RetractionWrite = 'written' | 'not_retractable' | 'books_moved';

/**
 * published → published and retracted (已撤回). A statement's effect is undone: the dream's books
 * and its period go back to the previous published statement, so a corrected letter for the same
 * period reconciles and can be published. `previous` is the letter this statement continued from.
 */
export function retractionPlan(letter: LetterRecord, previous: LetterRecord | null, decision: { reason: string; at: Date; actor: AuditActor }): RetractionPlan {
  const refusal = retractionRefusal(letter);
  if (refusal) throw refusal;
  const retracted: LetterRecord = { ...letter, retraction: { reason: decision.reason, at: decision.at.toISOString() } };
  const audit = auditRecord(decision.at, decision.actor, {
    action: 'letter.retract',
    targetType: 'letter',
    targetId: letter.id,
    detail: letter.title,
    reason: decision.reason,
  });
  if (!letter.statement) return { letter: retracted, books: null, audit };
  const before = previous?.statement;
  const to: PreviousStatement | null =
    previous && before
      ? {
          letterId: previous.id,
          periodEnd: before.periodEnd,
          closingFen: before.figures.closingFen,
          sinceStartIncomeFen: before.figures.sinceStart.incomeFen,
          sinceStartSpendFen: before.figures.sinceStart.spendFen,
        }
      : null;
  return { letter: retracted, books: { from: letter.id, to }, audit };
}

/** Only a published letter is retracted, once. */
export function retractionRefusal(letter: LetterRecord): RuleViolation | null {
  if (letter.status !== 'published') return new RuleViolation('NOT_PUBLISHED', '只有已发布的来信可以撤回');
  if (letter.retraction) return alreadyRetracted();
  return null;
}

export function alreadyRetracted(): RuleViolation {
  return new RuleViolation('ALREADY_RETRACTED', '这封来信已经撤回了');
}

/** A later statement continues from this one: that one is retracted first, or the books lose their thread. */
export function laterLetterPublished(): RuleViolation {
  return new RuleViolation('LATER_LETTER_PUBLISHED', '这封来信之后已有新的来信接着它的账目，请先撤回最新的那封');
}

/** The refusal a retraction's failed write stands for (null when it was written). */
export function retractionWriteRefusal(write: RetractionWrite): RuleViolation | null {
  if (write === 'not_retractable') return alreadyRetracted();
  if (write === 'books_moved') return laterLetterPublished();
  return null;
}

/** A retracted letter: every donor of its dream is told, once, in the app (there is no WeChat template for it). */
export function letterRetractedMessage(letter: Pick<LetterRecord, 'id' | 'title' | 'retraction'>, dream: { title: string }): FanoutMessage {
  const reason = letter.retraction?.reason ?? '';
  return {
    type: 'letter_retracted',
    refId: letter.id,
    title: `来信已撤回：${letter.title}`,
    body: `你支持的「${dream.title}」的一封来信已撤回。原因：${reason}`,
    topic: null,
    page: `letters/read/index?id=${letter.id}`,
    fields: { title: letter.title, note: reason, time: letter.retraction?.at ?? '' },
  };
}

/** A published letter in a donor's letterbox (fan-out on write: one small pointer per donor; the letter itself is read once per page). */
export interface LetterboxEntry {
  letterId: string;
  dreamId: string;
  dreamTitle: string;
  deliveredAt: string;
  read: boolean;
}

/** A donor's 小红花来信: delivered once per letter, with an exact unread count. */
export interface Letterbox {
  /** Puts the letter in the person's letterbox at most once (the entry is its own marker); false when it was there. */
  deliverOnce(userId: string, entry: Omit<LetterboxEntry, 'read'>): Promise<boolean>;
  list(userId: string, page: { limit: number; cursor?: string }): Promise<{ items: LetterboxEntry[]; nextCursor: string | null }>;
  unreadCount(userId: string): Promise<number>;
  /** Marks one read, counted once however often and however concurrently it is asked; false when it is not in this letterbox. */
  markRead(userId: string, letterId: string): Promise<boolean>;
}

/**
 * How a dream's charity keeps in touch: how many letters and updates it published, when the last
 * one was, and by when the next is due (`letters.maxGapDays` after the last one, or after adoption).
 */
export interface LetterSummary {
  count: number;
  lastPublishedAt: string | null;
  dueAt: string;
}

const DAY_MS = 24 * 3600 * 1000;

export function nextLetterDue(from: string, maxGapDays: number): string {
  return new Date(Date.parse(from) + maxGapDays * DAY_MS).toISOString();
}

/**
 * What the dream page's transparency panel shows of its letters: null before adoption; 逾期未反馈
 * (overdue) while the dream is adopted and nothing was published by the due date.
 */
export function feedbackOf(
  dream: { status: string; adoptedAt: string | null },
  summary: LetterSummary | null,
  now: Date,
  maxGapDays: number,
): { letters: number; lastLetterAt: string | null; dueAt: string | null; overdue: boolean } | null {
  if (!dream.adoptedAt) return null;
  // Before the stream wrote the summary, adoption starts the clock.
  const known = summary ?? { count: 0, lastPublishedAt: null, dueAt: nextLetterDue(dream.adoptedAt, maxGapDays) };
  const active = dream.status === 'adopted';
  return {
    letters: known.count,
    lastLetterAt: known.lastPublishedAt,
    dueAt: active ? known.dueAt : null,
    overdue: active && Date.parse(known.dueAt) < now.getTime(),
  };
}

/** A dream's LetterSummary, for its page (the dream functions do not carry the letter repository). */
export interface LetterSummaries {
  get(dreamId: string): Promise<LetterSummary | null>;
}
