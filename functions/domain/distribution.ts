import type { AuditRecord } from './audit';
import { BadInputError, ForbiddenError, RuleViolation, ValidationError } from './errors';
import type { FanoutMessage } from './fanout';
import type { Page } from './ports';

/**
 * Digital sign-off (数字签收): a charity's list of who receives what for an adopted dream, and
 * each hand-over its field staff record by the recipient's one-time code. The records and rules
 * here are pure; the store (a port) keeps them, the use cases (functions/distributions) decide.
 */

export type DistributionStatus = 'open' | 'closed';

export interface DistributionRecord {
  id: string;
  dreamId: string;
  /** The charity that adopted the dream when the distribution was made: it alone manages it. */
  charityId: string;
  title: string;
  item: string;
  unit: string;
  recipientCount: number;
  totalQuantity: number;
  status: DistributionStatus;
  createdAt: string;
  closedAt: string | null;
  /** Set by a spot check whose call-back was disputed (有争议), until resolved. */
  disputed: boolean;
  /** How many counter items its progress is spread over (fixed at creation). */
  counterShards: number;
  /** Its texts wait for an admin (WeChat's check said review): only its charity and admins see it. */
  held?: boolean;
}

/** One person on the list. Their code is kept only as its keyed hash, which is also how it is looked up. */
export interface RecipientRecord {
  distributionId: string;
  recipientId: string;
  name: string;
  quantity: number;
  village: string | null;
  codeHash: string;
  signedAt: string | null;
  signoffId: string | null;
}

export interface SignoffLocationRecord {
  lat: number;
  lng: number;
  accuracyM: number;
  mocked: boolean;
  fuzzy: boolean;
}

/** One hand-over. */
export interface SignoffRecord {
  id: string;
  distributionId: string;
  dreamId: string;
  recipientId: string;
  /** Copied from the recipient for the timeline; shown masked, never in the public log. */
  name: string;
  village: string | null;
  quantity: number;
  /** When the phone says it happened (it may have been queued offline). */
  signedAt: string;
  /** When the server stored it. */
  recordedAt: string;
  signerId: string;
  /** The Idempotency-Key it came with: a retry whose first answer was lost gets that answer again. */
  idempotencyKey: string | null;
  photo: string | null;
  location: SignoffLocationRecord | null;
  suspicious: boolean;
  /** The log entry's own salt (hex) and the commitment to the recipient made with it. */
  salt: string;
  recipientCommitment: string;
}

/** A counter item: a share of the progress (signedCount, signedQuantity) of one distribution. */
export interface CounterShard {
  index: number;
  signedCount: number;
  signedQuantity: number;
  suspiciousCount: number;
}

export interface Progress {
  signedCount: number;
  signedQuantity: number;
  suspiciousCount: number;
}

/** The exact progress: the sum of every counter item. */
export function progressOf(shards: readonly CounterShard[]): Progress {
  return shards.reduce(
    (sum, shard) => ({
      signedCount: sum.signedCount + shard.signedCount,
      signedQuantity: sum.signedQuantity + shard.signedQuantity,
      suspiciousCount: sum.suspiciousCount + shard.suspiciousCount,
    }),
    { signedCount: 0, signedQuantity: 0, suspiciousCount: 0 },
  );
}

export interface FieldStaffRecord {
  userId: string;
  nickname: string;
  addedAt: string;
}

export type SignOutcome = 'signed' | 'used' | 'closed';

export interface DistributionStore {
  /** Writes the recipients (each keyed by its code's hash) and the counters, then the distribution itself last. */
  create(distribution: DistributionRecord, recipients: RecipientRecord[]): Promise<void>;
  get(distributionId: string): Promise<DistributionRecord | null>;
  /** Every counter item, read consistently (progressOf sums them). */
  counters(distribution: Pick<DistributionRecord, 'id' | 'counterShards'>): Promise<CounterShard[]>;
  /** The recipient a code's hash names (any distribution's), read consistently. */
  recipientByCode(codeHash: string): Promise<RecipientRecord | null>;
  recipients(distributionId: string): Promise<RecipientRecord[]>;
  /**
   * One transaction: the recipient marked signed unless it is already, one counter item moved
   * unless the distribution closed, the sign-off stored. `used` and `closed` say which rule refused.
   */
  sign(signoff: SignoffRecord, codeHash: string, counterShard: number): Promise<SignOutcome>;
  signoff(signoffId: string): Promise<SignoffRecord | null>;
  /** open → closed (its counters first, so no sign-off commits after it); false when it was closed already. */
  close(distributionId: string, closedAt: string): Promise<boolean>;
  ofDream(dreamId: string, page: { limit: number; cursor?: string }): Promise<Page<DistributionRecord>>;
  timeline(distributionId: string, page: { limit: number; cursor?: string }): Promise<Page<SignoffRecord>>;
  staff(distributionId: string): Promise<FieldStaffRecord[]>;
  isStaff(distributionId: string, userId: string): Promise<boolean>;
  /** Adds (or re-adds) a helper and records the audit entry, in one transaction. */
  addStaff(distributionId: string, member: FieldStaffRecord, audit: AuditRecord): Promise<void>;
  /** Removes a helper and records the audit entry; false when they were not named. */
  removeStaff(distributionId: string, userId: string, audit: AuditRecord): Promise<boolean>;
}

/** Who may sign a distribution's hand-overs: the charity that manages it, or a helper it named for it. */
export function maySign(distribution: Pick<DistributionRecord, 'charityId'>, userId: string, isNamedStaff: boolean): boolean {
  return distribution.charityId === userId || isNamedStaff;
}

/** Only the managing charity manages (close, name helpers). */
export function ensureManager(distribution: Pick<DistributionRecord, 'charityId'>, userId: string): void {
  if (distribution.charityId !== userId) throw new ForbiddenError('只有认领这个梦想的公益机构可以管理这次发放');
}

export const invalidCode = () =>
  new BadInputError('INVALID_CODE', '签收码无效：不是这次发放的签收码', [{ in: 'body', path: ['code'], message: 'no such code in this distribution' }]);
export const codeAlreadyUsed = () => new RuleViolation('CODE_ALREADY_USED', '这个签收码已经签收过了');
export const distributionClosed = () => new RuleViolation('DISTRIBUTION_CLOSED', '这次发放已经结束');

/**
 * A queued sign-off's time: at most `maxAheadSeconds` ahead of the server (a phone's clock runs a
 * little fast) and at most `maxAgeDays` old (a phone offline for a week at most). Anything else is
 * not a hand-over the server can vouch for.
 */
export function signedAtProblem(signedAt: string, now: Date, rules: { signedAtMaxAheadSeconds: number; signedAtMaxAgeDays: number }): string | null {
  const at = Date.parse(signedAt);
  if (!Number.isFinite(at)) return 'not a time';
  if (at > now.getTime() + rules.signedAtMaxAheadSeconds * 1000) return `more than ${rules.signedAtMaxAheadSeconds} seconds ahead of the server`;
  if (at < now.getTime() - rules.signedAtMaxAgeDays * 86_400_000) return `more than ${rules.signedAtMaxAgeDays} days old`;
  return null;
}

export function ensureSignedAtInWindow(signedAt: string, now: Date, rules: { signedAtMaxAheadSeconds: number; signedAtMaxAgeDays: number }): void {
  const problem = signedAtProblem(signedAt, now, rules);
  if (problem) throw new ValidationError('签收时间不在允许的范围内', [{ in: 'body', path: ['signedAt'], message: problem }]);
}

/**
 * 可疑: a location the phone itself says is not a real fix (mocked), a deliberately fuzzy one
 * (WeChat's getFuzzyLocation, or no isHighAccuracy), or an accuracy of exactly 0 metres, which no
 * receiver reports and fake-GPS apps do. It is kept and shown marked, never trusted blindly.
 */
export function isSuspiciousLocation(location: { accuracyM: number; mocked?: boolean; fuzzy?: boolean } | undefined): boolean {
  if (!location) return false;
  return location.accuracyM === 0 || location.mocked === true || location.fuzzy === true;
}

/** Recipient ids: their place in the list, so the list reads back in the order it was given. */
export const recipientIdOf = (index: number): string => `r${String(index + 1).padStart(5, '0')}`;

/** Which counter item a sign-off moves: any, at random, so concurrent signers rarely meet on one. */
export const counterShardFor = (shards: number, random: () => number = Math.random): number => Math.floor(random() * shards);

/** Every donor of the dream is told, once, how many of how many received their goods. */
export function distributionClosedMessage(
  distribution: Pick<DistributionRecord, 'id' | 'dreamId' | 'title' | 'recipientCount' | 'closedAt' | 'item'>,
  progress: Pick<Progress, 'signedCount'>,
  dream: { title: string },
): FanoutMessage {
  return {
    type: 'distribution_closed',
    refId: distribution.id,
    title: `物资发放结束：${distribution.title}`,
    body: `你支持的「${dream.title}」的「${distribution.title}」已结束发放：${distribution.recipientCount} 位受助人中 ${progress.signedCount} 位已签收${distribution.item}。`,
    topic: null,
    page: `pages/dream-detail/index?id=${distribution.dreamId}`,
    fields: { title: distribution.title, note: `${progress.signedCount}/${distribution.recipientCount} 位已签收`, time: distribution.closedAt ?? '' },
  };
}
