import {
  advanceChunk,
  addCounts,
  dreamExecutableMessage,
  fanoutJobId,
  letterMessage,
  mealRedeemedMessage,
  mealRefundedMessage,
  firstChunks,
  progressOf,
  ZERO_COUNTS,
  type AudiencePort,
  type DreamAudienceReader,
  type ChunkCounts,
  type FanoutJob,
  type FanoutMessage,
  type FanoutProgress,
  type FanoutStore,
} from '../domain/fanout';
import type { DreamRecord } from '../domain/dream';
import { distributionClosedMessage, progressOf as distributionProgressOf, type DistributionStore } from '../domain/distribution';
import type { NotificationSender } from '../domain/notification';
import { letterRetractedMessage, nextLetterDue, type Letterbox, type LetterRecord, type LetterRepository } from '../domain/letter';
import type { Pacer } from '../domain/pacer';
import type { Clock, UserRepository } from '../domain/ports';
import { backoffMs, classifySendFailure, templateData, type SubscriptionStore } from '../domain/subscription';
import { errcodeOf, type WechatMessagingPort } from '../domain/wechat';
import { NotFoundError } from '../domain/errors';
import { wallClock } from '../domain/calendar';
import type { Rules, SubscribeTemplate } from '../shared/config';
import type { SubscribeTopic } from '../contract/enums';

/**
 * The event backbone's use cases. The table's stream calls them (functions/events/*-handler.ts):
 * a dream that reached its target starts a fan-out job; each chunk tells one page of donors and
 * hands on the next; a donor whose first gift came after the flip is told on their own.
 */
export interface FanoutDeps {
  clock: Clock;
  users: Pick<UserRepository, 'findById'>;
  audience: AudiencePort & DreamAudienceReader;
  fanout: FanoutStore;
  notifications: NotificationSender;
  letterbox: Pick<Letterbox, 'deliverOnce'>;
  letters: Pick<LetterRepository, 'get' | 'startSummary'>;
  distributions: Pick<DistributionStore, 'get' | 'counters'>;
  subscriptions: Pick<SubscriptionStore, 'spend'>;
  messaging: WechatMessagingPort;
  templates: Record<SubscribeTopic, SubscribeTemplate>;
  pacer: Pacer;
  config: { rules: Pick<Rules, 'timezone' | 'fanout' | 'letters'> };
  /** Waits between send retries (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
}

/** Dreams past their target: open → executable is the flip; adopted and completed came after it. */
const PAST_TARGET = new Set(['executable', 'adopted', 'completed']);

/** The flip's stream record: start the job that tells every donor (again is a no-op). */
export async function startDreamExecutableJob(deps: FanoutDeps, dreamId: string): Promise<{ started: boolean; job: FanoutJob | null }> {
  const dream = await deps.audience.dream(dreamId);
  if (!dream || !PAST_TARGET.has(dream.status)) return { started: false, job: null };
  const now = deps.clock.now();
  const job: FanoutJob = {
    id: fanoutJobId('dream_executable', dream.id),
    kind: 'dream_executable',
    refId: dream.id,
    dreamId: dream.id,
    shards: dream.shardCount,
    expected: await deps.audience.donorCount(dream),
    message: dreamExecutableMessage(dream),
    createdAt: now.toISOString(),
  };
  const started = await deps.fanout.start(job, firstChunks(job, now));
  // The proposer is told too (they may not have given); on a redelivery the marker makes it a no-op.
  await deliver(deps, job.message, dream.proposerId, job.id);
  return { started, job };
}

/**
 * A letter's publication (its stream record): a job that puts it in every donor's letterbox. Letters
 * are written for adopted dreams, which take no more gifts, so the audience no longer grows.
 */
export function startLetterJob(deps: FanoutDeps, letterId: string): Promise<{ started: boolean; job: FanoutJob | null }> {
  return startLetterFanout(deps, letterId, 'letter', (letter) => letter.status === 'published', letterMessage);
}

/** A letter's retraction (its stream record): a job that tells every donor of its dream, once each, in the app. */
export function startLetterRetractedJob(deps: FanoutDeps, letterId: string): Promise<{ started: boolean; job: FanoutJob | null }> {
  return startLetterFanout(deps, letterId, 'letter_retracted', (letter) => Boolean(letter.retraction), letterRetractedMessage);
}

/** One job about a letter, to every donor of its dream, when the letter is in the state the job is about. */
async function startLetterFanout(
  deps: FanoutDeps,
  letterId: string,
  kind: 'letter' | 'letter_retracted',
  isDue: (letter: LetterRecord) => boolean,
  messageOf: (letter: LetterRecord, dream: DreamRecord) => FanoutJob['message'],
): Promise<{ started: boolean; job: FanoutJob | null }> {
  const letter = await deps.letters.get(letterId);
  if (!letter || !isDue(letter)) return { started: false, job: null };
  const dream = await deps.audience.dream(letter.dreamId);
  if (!dream) return { started: false, job: null };
  const now = deps.clock.now();
  const job: FanoutJob = {
    id: fanoutJobId(kind, letter.id),
    kind,
    refId: letter.id,
    dreamId: dream.id,
    shards: dream.shardCount,
    expected: await deps.audience.donorCount(dream),
    message: messageOf(letter, dream),
    createdAt: now.toISOString(),
  };
  return { started: await deps.fanout.start(job, firstChunks(job, now)), job };
}

/**
 * A distribution closed (its stream record): a job that tells every donor of its dream, once each,
 * in the app, how many of its recipients signed. Read after the close, the figures are final.
 */
export async function startDistributionClosedJob(deps: FanoutDeps, distributionId: string): Promise<{ started: boolean; job: FanoutJob | null }> {
  const distribution = await deps.distributions.get(distributionId);
  if (!distribution || distribution.status !== 'closed') return { started: false, job: null };
  const dream = await deps.audience.dream(distribution.dreamId);
  if (!dream) return { started: false, job: null };
  const progress = distributionProgressOf(await deps.distributions.counters(distribution));
  const now = deps.clock.now();
  const job: FanoutJob = {
    id: fanoutJobId('distribution_closed', distribution.id),
    kind: 'distribution_closed',
    refId: distribution.id,
    dreamId: dream.id,
    shards: dream.shardCount,
    expected: await deps.audience.donorCount(dream),
    message: distributionClosedMessage(distribution, progress, dream),
    createdAt: now.toISOString(),
  };
  return { started: await deps.fanout.start(job, firstChunks(job, now)), job };
}

/** A dream adopted (its stream record): the clock for its first letter starts (逾期未反馈 after letters.maxGapDays). */
export async function startLetterClock(deps: Pick<FanoutDeps, 'audience' | 'letters' | 'config'>, dreamId: string): Promise<void> {
  const dream = await deps.audience.dream(dreamId);
  if (!dream?.adoptedAt) return;
  await deps.letters.startSummary(dream.id, nextLetterDue(dream.adoptedAt, deps.config.rules.letters.maxGapDays));
}

/** A redemption's stream record: the donor whose meal it was is told, once (the marker), with a WeChat message if they subscribed. */
export async function tellMealRedeemed(deps: FanoutDeps, redemption: { id: string; donorId: string; storeName: string; createdAt: string }) {
  const at = wallClock(new Date(redemption.createdAt), deps.config.rules.timezone);
  const timeText = `${at.month}月${at.day}日 ${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')}`;
  return deliver(deps, mealRedeemedMessage(redemption, timeText), redemption.donorId, `meal_redeemed-${redemption.id}`);
}

/** A refund that succeeded (its stream record): the donor is told once (the marker), in the app. */
export async function tellMealRefunded(deps: FanoutDeps, refund: { id: string; donorId: string; storeName: string; meals: number; amountFen: number }) {
  return deliver(deps, mealRefundedMessage(refund), refund.donorId, `meal_refunded-${refund.id}`);
}

/**
 * A new donor's stream record. A donor whose first gift committed after the flip may not be in the
 * job's pages (the job may have passed their place), so they are told here. The read is consistent:
 * a gift that committed after the flip reads the dream as past its target.
 */
export async function tellLateDonor(deps: FanoutDeps, donor: { dreamId: string; userId: string }): Promise<Partial<ChunkCounts>> {
  // Past its target is forever (statuses only move on), so that answer is kept; "open" is read again.
  const dream = pastTarget.get(donor.dreamId) ?? (await deps.audience.dream(donor.dreamId));
  if (!dream || !PAST_TARGET.has(dream.status)) return {};
  if (pastTarget.size > 1_000) pastTarget.clear();
  pastTarget.set(dream.id, dream);
  return deliver(deps, dreamExecutableMessage(dream), donor.userId, fanoutJobId('dream_executable', dream.id));
}

const pastTarget = new Map<string, DreamRecord>();

export type ChunkRun = 'advanced' | 'finished' | 'stale' | 'raced';

const jobCache = new Map<string, FanoutJob>();

/**
 * One page of one chunk. A record whose seq is behind the stored chunk's is a redelivery of a page
 * already done: nothing happens. A crash mid-page leaves the chunk where it was, the record is
 * retried, and the per-person markers make the people already told count as `already`.
 */
export async function runChunk(deps: FanoutDeps, ref: { jobId: string; shard: number; seq: number }): Promise<ChunkRun> {
  const chunk = await deps.fanout.chunk(ref.jobId, ref.shard);
  if (!chunk || chunk.done || chunk.seq !== ref.seq) return 'stale';
  let job = jobCache.get(ref.jobId);
  if (!job) {
    const found = await deps.fanout.job(ref.jobId);
    if (!found) return 'stale';
    job = found;
    if (jobCache.size > 1_000) jobCache.clear();
    jobCache.set(job.id, job);
  }
  const page = await deps.audience.page(job.dreamId, chunk.shard, chunk.cursor, deps.config.rules.fanout.pageSize);
  const counts = await deliverAll(deps, job.message, page.userIds, job.id);
  const next = advanceChunk(chunk, { next: page.next, counts }, deps.clock.now());
  if (!(await deps.fanout.advance(next, chunk.seq))) return 'raced';
  return next.done ? 'finished' : 'advanced';
}

/** Tells each person, `concurrency` at a time. */
async function deliverAll(deps: FanoutDeps, message: FanoutMessage, userIds: string[], jobId: string): Promise<ChunkCounts> {
  let counts = ZERO_COUNTS;
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < userIds.length) {
      const userId = userIds[nextIndex++];
      // Await first, then add: `addCounts(counts, await …)` would read `counts` before the wait and lose the other workers' adds.
      const result = await deliver(deps, message, userId, jobId);
      counts = addCounts(counts, result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.config.rules.fanout.concurrency, userIds.length) }, worker));
  return counts;
}

/**
 * One person: the inbox notification at most once (a marker in the same transaction), then, only
 * when this call wrote it and the person has a subscription credit, one WeChat message. Sending only
 * after a fresh notification keeps it at most once across retries and crashes; a crash between the
 * two loses that message rather than sending it twice.
 */
export async function deliver(deps: FanoutDeps, message: FanoutMessage, userId: string, jobId: string): Promise<Partial<ChunkCounts>> {
  // A letter goes to the letterbox first, then (always, so a retry after a crash in between still
  // does it) to the inbox as a `letter` notification; the notification's marker says "fresh".
  if (message.letterbox) await deps.letterbox.deliverOnce(userId, { letterId: message.refId, ...message.letterbox });
  const fresh = await deps.notifications.notifyOnce(userId, { type: message.type, refId: message.refId, title: message.title, body: message.body });
  if (!fresh) return { already: 1 };
  const template = message.topic ? deps.templates[message.topic] : null;
  if (!message.topic || !template?.id) return { told: 1 };
  if (!(await deps.subscriptions.spend(userId, message.topic))) return { told: 1 };
  const person = await deps.users.findById(userId);
  if (!person) return { told: 1 };
  const input = {
    toOpenid: person.openid,
    templateId: template.id,
    page: message.page,
    data: templateData(message.fields, template.keys, deps.config.rules.timezone),
  };
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  for (let attempt = 1; ; attempt++) {
    await deps.pacer.take();
    try {
      await deps.messaging.sendSubscribeMessage(input);
      return { told: 1, sent: 1 };
    } catch (err) {
      const errcode = errcodeOf(err);
      if (classifySendFailure(errcode) === 'final') return { told: 1, refused: 1 };
      const wait = backoffMs(attempt, deps.config.rules.fanout.sendRetryBackoffMs);
      if (wait === null) {
        await deps.fanout.deadLetter({
          jobId,
          userId,
          topic: message.topic,
          reason: errcode === null ? (err as Error).message : `errcode ${errcode}`,
          at: deps.clock.now().toISOString(),
        });
        return { told: 1, failed: 1 };
      }
      await sleep(wait);
    }
  }
}

/** GET /admin/jobs/{id}: how a job is doing. */
export async function jobProgress(deps: Pick<FanoutDeps, 'fanout'>, jobId: string): Promise<FanoutProgress> {
  const job = await deps.fanout.job(jobId);
  if (!job) throw new NotFoundError('没有这个任务');
  return progressOf(job, await deps.fanout.chunks(jobId));
}

/** GET /admin/jobs: the newest jobs with their progress. */
export async function listJobs(deps: Pick<FanoutDeps, 'fanout'>, page: { limit: number; cursor?: string }) {
  const found = await deps.fanout.list(page);
  const items = await Promise.all(found.items.map(async (job) => progressOf(job, await deps.fanout.chunks(job.id))));
  return { items, nextCursor: found.nextCursor };
}
