import type { CallOutcome } from '../contract/spot-checks';
import type { AuditRecord } from './audit';
import { BadInputError, RuleViolation } from './errors';
import type { DrawSeed } from './spot-check-draw';

export type { CallOutcome };

/**
 * A spot check: the sample drawn when a distribution closed, and each call-back an admin made. It
 * is one record (the sample is at most a few hundred people), so a call, the distribution's
 * 有争议 flag and the audit entry change together or not at all.
 */
export interface SpotCheckCall {
  recipientId: string;
  /** As the charity listed them (admins call back; the public sees the name masked). */
  name: string;
  village: string | null;
  quantity: number;
  outcome: CallOutcome | null;
  note: string | null;
  at: string | null;
}

export interface SpotCheckResolution {
  note: string;
  at: string;
  by: string;
}

export interface SpotCheck {
  distributionId: string;
  dreamId: string;
  /** The charity whose hand-overs are checked: it never records a call-back of its own. */
  charityId: string;
  title: string;
  seed: DrawSeed;
  /** Recipients signed when it closed (the list the draw ranked). */
  signedCount: number;
  drawnAt: string;
  /** In draw order (smallest rank first). */
  calls: SpotCheckCall[];
  /** A disputed call not yet resolved: the distribution shows 有争议 while it is. */
  disputed: boolean;
  resolutions: SpotCheckResolution[];
  /** Bumped by every change: a write succeeds only over the version it read. */
  version: number;
}

export interface SpotCheckStore {
  get(distributionId: string): Promise<SpotCheck | null>;
  /** Stores a new draw, on the admins' list when `listed`; false when one is there already (a repeated stream record). */
  create(check: SpotCheck, listed: boolean): Promise<boolean>;
  /**
   * Writes `next` over `previous` (false when another change came first), on the admins' list
   * when `listed`, sets the distribution's `disputed` attribute to `next.disputed`, and records
   * the audit entry: one transaction.
   */
  save(previous: SpotCheck, next: SpotCheck, listed: boolean, audit: AuditRecord): Promise<boolean>;
  /** Draws listed as needing attention (a call not yet made, or still disputed); newest first. */
  needingAttention(page: { limit: number; cursor?: string }): Promise<{ items: SpotCheck[]; nextCursor: string | null }>;
}

export const openCalls = (check: SpotCheck): number => check.calls.filter((call) => call.outcome === null).length;

/** Still on the admin's list: a call to make, or a dispute to resolve. */
export const needsAttention = (check: SpotCheck): boolean => check.disputed || openCalls(check) > 0;

/**
 * A call-back recorded (or recorded again: the last word counts, the trail keeps every one). A
 * disputed outcome flags the distribution; only a resolution clears the flag, so a later
 * "confirmed" of the same person does not silently undo a dispute someone has to look at.
 */
export function withCall(check: SpotCheck, recipientId: string, outcome: CallOutcome, note: string | null, at: Date): SpotCheck {
  const index = check.calls.findIndex((call) => call.recipientId === recipientId);
  if (index < 0) throw new BadInputError('NOT_SAMPLED', '这位受助人不在抽查名单里', [{ in: 'body', path: ['recipientId'], message: 'not in the sample' }]);
  const calls = check.calls.map((call, i) => (i === index ? { ...call, outcome, note, at: at.toISOString() } : call));
  return { ...check, calls, disputed: check.disputed || outcome === 'disputed', version: check.version + 1 };
}

/** A dispute settled by an admin, with why: the flag goes, the call-backs stay as they were. */
export function resolved(check: SpotCheck, note: string, by: string, at: Date): SpotCheck {
  if (!check.disputed) throw new RuleViolation('NOT_DISPUTED', '这次发放没有待处理的争议');
  return { ...check, disputed: false, resolutions: [...check.resolutions, { note, at: at.toISOString(), by }], version: check.version + 1 };
}
