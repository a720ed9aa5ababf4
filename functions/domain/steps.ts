import type { SponsorStatus } from '../contract/enums';
import type { AuditRecord } from './audit';
import { BadInputError, RuleViolation, ValidationError } from './errors';
import { dayBoundsSeconds } from './calendar';
import type { IdempotentCompletion } from './idempotency';
import type { MoveResult, Page, PageRequest } from './ports';
import type { PlannedSpend } from './sponsor-budget';

/** 捐步: today's WeChat-Run steps become flowers once a day, optionally matched by a sponsor (益行家). */

/** The step rules (config/rules.json `steps`). */
export interface StepRules {
  stepsPerFlower: number;
  maxFlowersPerDay: number;
  minSteps: number;
  maxStepsPerDay: number;
}

export interface StepInfo {
  timestamp: number;
  step: number;
}

export interface Sponsor {
  id: string;
  name: string;
  logoText: string;
  fenPer10kSteps: number;
  budgetFen: number;
  remainingFen: number;
  status: SponsorStatus;
}

/** A sponsor with its budget shards as read (a match spends from one of them). */
export interface SponsorFigures extends Sponsor {
  shards: { index: number; remainingFen: number }[];
}

export interface PlannedMatch {
  sponsor: Sponsor;
  amountFen: number;
}

export interface StepDonationRecord {
  date: string;
  steps: number;
  flowers: number;
  matchFen: number;
  sponsorName: string | null;
  createdAt: string;
}

/** A sponsor to create, with its budget already split over its shards (sponsorShardBudgets). */
export type NewSponsor = Omit<Sponsor, 'id' | 'remainingFen'> & { id?: string; shardBudgetsFen: number[] };

export interface SponsorRepository {
  /** A new sponsor with its budget shards as given, audited in the same write. */
  create(input: NewSponsor, createdAt: string, audit?: (sponsorId: string) => AuditRecord): Promise<Sponsor>;
  /** Every sponsor with its figures (consistent reads on a retry). */
  list(consistent?: boolean): Promise<SponsorFigures[]>;
  listPage(page: PageRequest): Promise<Page<SponsorFigures>>;
  /** The books check: budget = remaining + Σ matches (npm run reconcile). */
  reconcile(sponsorId: string): Promise<{ budgetFen: number; remainingFen: number; matchedSum: number }>;
}

export interface StepDonationCommand {
  userId: string;
  day: string;
  steps: number;
  flowers: number;
  /** The match and how the sponsor's shards pay it, planned from the figures as read (withShardSpend). */
  planMatch: (sponsors: SponsorFigures[]) => PlannedSpend | null;
  onConflict: () => Error;
  completion?: (match: () => PlannedMatch | null) => IdempotentCompletion<MoveResult> | undefined;
}

export interface StepsRepository {
  hasDonated(userId: string, day: string): Promise<boolean>;
  /**
   * The day's marker, the flowers and the sponsor's match in one move; `planMatch` decides the
   * match from fresh figures on every attempt.
   */
  donate(input: StepDonationCommand): Promise<{ move: MoveResult; match: PlannedMatch | null }>;
  list(userId: string, page: PageRequest): Promise<Page<StepDonationRecord>>;
}

export function alreadyDonatedError() {
  return new RuleViolation('ALREADY_DONATED_TODAY', '今天已经捐过步数了，明天再来吧');
}

/** The stepInfoList entry whose timestamp falls in the given day (none: 0 steps). */
export function stepsOfDay(stepInfoList: unknown, day: string, zone: string): number {
  if (!Array.isArray(stepInfoList)) throw new BadInputError('INVALID_WERUN_DATA', '微信运动数据无效');
  const [start, end] = dayBoundsSeconds(day, zone);
  const entry = (stepInfoList as Partial<StepInfo>[]).find((item) => typeof item?.timestamp === 'number' && item.timestamp >= start && item.timestamp < end);
  if (!entry) return 0;
  if (typeof entry.step !== 'number' || !Number.isInteger(entry.step) || entry.step < 0) throw new BadInputError('INVALID_WERUN_DATA', '微信运动数据无效');
  return entry.step;
}

/** More steps than a person can walk in a day are malformed input (400), checked before any rule. */
export function assertPlausibleSteps(steps: number, rules: StepRules): void {
  if (steps > rules.maxStepsPerDay)
    throw new ValidationError(`一天的步数不能超过 ${rules.maxStepsPerDay} 步`, [{ in: 'body', path: ['steps'], message: 'too many steps' }]);
}

/** Flowers for a day's steps: 1 per full 1,000, capped; refused under the floor and above the ceiling. */
export function flowersForSteps(steps: number, rules: StepRules): number {
  assertPlausibleSteps(steps, rules);
  if (steps < rules.minSteps) throw new RuleViolation('NOT_ENOUGH_STEPS', `今天的步数不足 ${rules.minSteps} 步，再走走吧`);
  return Math.min(Math.floor(steps / rules.stepsPerFlower), rules.maxFlowersPerDay);
}

/** The fen a sponsor adds to these steps: its rate, capped per person per day and by what is left. */
export function sponsorMatchFen(steps: number, sponsor: Pick<Sponsor, 'fenPer10kSteps' | 'remainingFen' | 'status'>, maxPerUserPerDay: number): number {
  if (sponsor.status !== 'active') return 0;
  const byRate = Math.floor((steps * sponsor.fenPer10kSteps) / 10_000);
  return Math.max(0, Math.min(byRate, maxPerUserPerDay, sponsor.remainingFen));
}
