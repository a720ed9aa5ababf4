import { AppError } from './errors';

/**
 * Quotas on what one person (or one address) may do in a window: dreams proposed a day, teams
 * started a day, team-code guesses and failed logins a minute. Counted in the table with a
 * conditional counter, so concurrent requests cannot overshoot.
 */
export interface QuotaSpec {
  /** Names the counter, e.g. `dreams`. */
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface Quotas {
  /** Takes one unit for `subject` in the window holding `now`; RateLimitedError when none is left. */
  take(subject: string, spec: QuotaSpec, now: Date): Promise<void>;
  /** RateLimitedError when the window is used up already; takes nothing. */
  check(subject: string, spec: QuotaSpec, now: Date): Promise<void>;
}

/** One counter: a subject's quota in one window (epoch seconds). */
export interface QuotaCounter {
  subject: string;
  name: string;
  window: { start: number; end: number };
}

/** What storage does for quotas: it counts, conditionally; the window and the refusal are decided here. */
export interface QuotaCounters {
  /** Adds one while the counter is below `limit`, atomically; false when it was at the limit. */
  increment(counter: QuotaCounter, limit: number): Promise<boolean>;
  /** What the counter holds now (0 before its first use). */
  used(counter: QuotaCounter): Promise<number>;
}

/** 429 RATE_LIMITED; the edge sends `Retry-After` (seconds) from `details`. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'RATE_LIMITED', '操作太频繁了，请稍后再试', { retryAfterSeconds });
  }
}

// Windows follow the Asia/Shanghai clock (UTC+8 all year), so "a day" is the person's day.
const SHANGHAI_OFFSET_SECONDS = 8 * 3600;

/** The fixed window holding `now`: when it started and ended (epoch seconds). */
export function quotaWindow(now: Date, windowSeconds: number): { start: number; end: number } {
  const t = Math.floor(now.getTime() / 1000);
  const start = Math.floor((t + SHANGHAI_OFFSET_SECONDS) / windowSeconds) * windowSeconds - SHANGHAI_OFFSET_SECONDS;
  return { start, end: start + windowSeconds };
}

/** Seconds until the window holding `now` ends (at least 1). */
export function retryAfterSeconds(now: Date, windowSeconds: number): number {
  return Math.max(1, quotaWindow(now, windowSeconds).end - Math.floor(now.getTime() / 1000));
}

/**
 * The quotas the use cases take and check, over the table's counters: the window holding `now`
 * names the counter, and a refusal says how long until that window ends.
 */
export class CountedQuotas implements Quotas {
  constructor(private readonly counters: QuotaCounters) {}

  async take(subject: string, spec: QuotaSpec, now: Date): Promise<void> {
    const counter = { subject, name: spec.name, window: quotaWindow(now, spec.windowSeconds) };
    if (!(await this.counters.increment(counter, spec.limit))) throw new RateLimitedError(retryAfterSeconds(now, spec.windowSeconds));
  }

  async check(subject: string, spec: QuotaSpec, now: Date): Promise<void> {
    const counter = { subject, name: spec.name, window: quotaWindow(now, spec.windowSeconds) };
    if ((await this.counters.used(counter)) >= spec.limit) throw new RateLimitedError(retryAfterSeconds(now, spec.windowSeconds));
  }
}

export const MINUTE = 60;
export const DAY = 24 * 3600;

/** The quotas of config/rules.json `quotas`, as specs. */
export function quotaSpecs(rules: {
  dreamsPerDay: number;
  teamsPerDay: number;
  storesPerDay: number;
  teamJoinAttemptsPerMinute: number;
  failedLoginsPerMinute: number;
  uploadsPerDay: number;
  lettersPerDay: number;
  mealDonationsPerDay: number;
  workerClaimsPerDay: number;
}) {
  return {
    dreams: { name: 'dreams', limit: rules.dreamsPerDay, windowSeconds: DAY },
    teams: { name: 'teams', limit: rules.teamsPerDay, windowSeconds: DAY },
    stores: { name: 'stores', limit: rules.storesPerDay, windowSeconds: DAY },
    teamJoins: { name: 'team-joins', limit: rules.teamJoinAttemptsPerMinute, windowSeconds: MINUTE },
    failedLogins: { name: 'failed-logins', limit: rules.failedLoginsPerMinute, windowSeconds: MINUTE },
    uploads: { name: 'uploads', limit: rules.uploadsPerDay, windowSeconds: DAY },
    letters: { name: 'letters', limit: rules.lettersPerDay, windowSeconds: DAY },
    mealDonations: { name: 'meal-donations', limit: rules.mealDonationsPerDay, windowSeconds: DAY },
    workerClaims: { name: 'worker-claims', limit: rules.workerClaimsPerDay, windowSeconds: DAY },
  } satisfies Record<string, QuotaSpec>;
}
