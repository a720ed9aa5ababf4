// The badge of a promise (承诺) made at an assembly: 进行中 / 已完成 / 未兑现, and 逾期 for one
// still in progress past its due date, as 逾期未反馈 is for letters. Pure: the caller passes the clock.

export interface PromiseState {
  status: string
  /** YYYY-MM-DD, the last day (Asia/Shanghai) it is due on. */
  dueDate: string
  /** The server's verdict when it answered; the page may stay open past midnight, so the day is checked here too. */
  overdue?: boolean
}

export type PromiseBadgeTone = 'progress' | 'overdue' | 'done' | 'unmet'

export interface PromiseBadge {
  label: string
  tone: PromiseBadgeTone
}

// Asia/Shanghai is UTC+8 all year (no DST).
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** The calendar day in Asia/Shanghai at this instant, YYYY-MM-DD. */
export function shanghaiDay(nowMs: number): string {
  return new Date(nowMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

export function promiseBadge(promise: PromiseState, nowMs: number): PromiseBadge {
  if (promise.status === 'done') return { label: '已完成', tone: 'done' }
  if (promise.status === 'unmet') return { label: '未兑现', tone: 'unmet' }
  // Days compare as text: YYYY-MM-DD sorts as the calendar does.
  const overdue = Boolean(promise.overdue) || shanghaiDay(nowMs) > promise.dueDate
  return overdue ? { label: '逾期', tone: 'overdue' } : { label: '进行中', tone: 'progress' }
}

/** What the dream page keeps showing: every promise not yet done (an unmet one stays on the record). */
export function promisesStillShown<T extends PromiseState>(promises: T[]): T[] {
  return promises.filter((p) => p.status !== 'done')
}
