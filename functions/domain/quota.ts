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
