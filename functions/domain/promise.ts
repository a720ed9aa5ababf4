import type { PromiseOutcome, PromiseStatus, PromiseView } from '../contract/promises';
import { dayOf } from './calendar';
import { RuleViolation, ValidationError } from './errors';

/**
 * A promise (承诺) the adopting charity made to a dream's donors in an assembly. It starts in
 * progress (进行中) and ends once, done (已完成) or unmet (未兑现): there is no way back, because a
 * promise kept on the record must not be quietly reopened or rewritten. Overdue (逾期) is not a
 * state of its own: it is an in-progress promise read after its due date.
 */

export interface PromiseRecord {
  id: string;
  dreamId: string;
  assemblyId: string;
  questionId: string | null;
  text: string;
  /** YYYY-MM-DD in the rules' time zone. */
  dueDate: string;
  status: PromiseStatus;
  /** The charity that made it (the dream's adopter when it was made). */
  charityId: string;
  createdAt: string;
  /** When it was marked done; null otherwise. */
  doneAt: string | null;
  /** When it was marked done or unmet; null while in progress. */
  settledAt: string | null;
  note: string | null;
}

export const promiseSettled = () => new RuleViolation('PROMISE_SETTLED', '这项承诺已经有了结果，不能再更改');

/** A due date the charity can still keep: today or later, in the zone. */
export function checkDueDate(dueDate: string, now: Date, zone: string): void {
  if (dueDate < dayOf(now, zone))
    throw new ValidationError('承诺的完成日期不能早于今天', [{ in: 'body', path: ['dueDate'], message: 'must be today or later' }]);
}

/** The promise as it ends: only one in progress can end, and only once. */
export function settle(record: PromiseRecord, outcome: PromiseOutcome, note: string | null, now: Date): PromiseRecord {
  if (record.status !== 'in_progress') throw promiseSettled();
  const at = now.toISOString();
  return { ...record, status: outcome, settledAt: at, doneAt: outcome === 'done' ? at : null, note };
}

/** 逾期: still in progress after its due date has passed in the zone (the due day itself is not late). */
export function isOverdue(record: Pick<PromiseRecord, 'status' | 'dueDate'>, now: Date, zone: string): boolean {
  return record.status === 'in_progress' && record.dueDate < dayOf(now, zone);
}

/** The latest due date first; the same day: the one made later first. */
export function byDueDateNewestFirst(a: PromiseRecord, b: PromiseRecord): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? 1 : -1;
  return a.createdAt === b.createdAt ? 0 : a.createdAt < b.createdAt ? 1 : -1;
}

export function promiseView(record: PromiseRecord, now: Date, zone: string): PromiseView {
  return {
    id: record.id,
    dreamId: record.dreamId,
    assemblyId: record.assemblyId,
    questionId: record.questionId,
    text: record.text,
    dueDate: record.dueDate,
    status: record.status,
    overdue: isOverdue(record, now, zone),
    doneAt: record.doneAt,
    note: record.note,
    createdAt: record.createdAt,
  };
}
