import type { FanoutKind, NotificationType, SubscribeTopic } from '../contract/enums';
import type { DreamRecord } from './dream';

/**
 * Telling many people one thing (every donor of a dream that reached its target; later, every
 * donor of a letter) as a job of bounded chunks. The table's stream is the queue: each chunk is
 * one item per audience shard, and every advance of its cursor is a new stream record that hands
 * the next page to the next invocation. Nothing here loops over a whole audience.
 */

export { FANOUT_KINDS, type FanoutKind } from '../contract/enums';

/** What each recipient is told: an inbox notification and, where they subscribed, one WeChat message. */
export interface FanoutMessage {
  type: NotificationType;
  refId: string;
  title: string;
  body: string;
  /** The subscribe-message topic that pays for the WeChat message; null: inbox only. */
  topic: SubscribeTopic | null;
  /** The mini-program page the WeChat message opens. */
  page: string;
  /** Template values by meaning; the adapter maps them to the template's keys (config). */
  fields: SubscribeFields;
  /** A letter goes to the letterbox (GET /me/letters) instead of the notifications. */
  letterbox?: { dreamId: string; dreamTitle: string; deliveredAt: string };
}

export interface SubscribeFields {
  title: string;
  note: string;
  time: string;
}

export interface FanoutJob {
  /** One job per event: `<kind>-<refId>`, so a redelivered event finds the job it started. */
  id: string;
  kind: FanoutKind;
  refId: string;
  /** Whose donors are told: the dream's (for a letter, the dream it is about). */
  dreamId: string;
  /** The audience's shards; one chunk each, running in parallel. */
  shards: number;
  /** How many recipients the audience had when the job started (for "left"). */
  expected: number;
  message: FanoutMessage;
  createdAt: string;
}

export interface ChunkCounts {
  /** Newly told in this job (inbox notification written). */
  told: number;
  /** Already told (a redelivery, a retry after a crash, or the late-donor path got there first). */
  already: number;
  /** WeChat messages sent, refused (43101: no subscription left) and dead-lettered. */
  sent: number;
  refused: number;
  failed: number;
}

export interface FanoutChunk extends ChunkCounts {
  jobId: string;
  shard: number;
  /** Bumped by every advance; a record whose seq is behind the item's is stale and skipped. */
  seq: number;
  /** Where the next page starts; null at the start. */
  cursor: string | null;
  done: boolean;
  updatedAt: string;
}

export const ZERO_COUNTS: ChunkCounts = { told: 0, already: 0, sent: 0, refused: 0, failed: 0 };

export function fanoutJobId(kind: FanoutKind, refId: string): string {
  return `${kind}-${refId}`;
}

export function firstChunks(job: FanoutJob, now: Date): FanoutChunk[] {
  return Array.from({ length: job.shards }, (_, shard) => ({
    jobId: job.id,
    shard,
    seq: 0,
    cursor: null,
    done: false,
    updatedAt: now.toISOString(),
    ...ZERO_COUNTS,
  }));
}

/** The chunk after one page: counts added, the cursor moved, done when the page was the last. */
export function advanceChunk(chunk: FanoutChunk, page: { next: string | null; counts: ChunkCounts }, now: Date): FanoutChunk {
  return {
    ...chunk,
    seq: chunk.seq + 1,
    cursor: page.next,
    done: page.next === null,
    updatedAt: now.toISOString(),
    told: chunk.told + page.counts.told,
    already: chunk.already + page.counts.already,
    sent: chunk.sent + page.counts.sent,
    refused: chunk.refused + page.counts.refused,
    failed: chunk.failed + page.counts.failed,
  };
}

export function addCounts(a: ChunkCounts, b: Partial<ChunkCounts>): ChunkCounts {
  return {
    told: a.told + (b.told ?? 0),
    already: a.already + (b.already ?? 0),
    sent: a.sent + (b.sent ?? 0),
    refused: a.refused + (b.refused ?? 0),
    failed: a.failed + (b.failed ?? 0),
  };
}

export interface FanoutProgress extends ChunkCounts {
  id: string;
  kind: FanoutKind;
  refId: string;
  dreamId: string;
  /** What it is about, for people (the dream's title). */
  subject: string;
  expected: number;
  /** expected − told − already, never below 0 (late donors can make the audience grow). */
  left: number;
  chunks: number;
  chunksDone: number;
  done: boolean;
  createdAt: string;
  /** The last chunk's last advance once all are done. */
  finishedAt: string | null;
}

/** How a job is doing, from its chunks: what the admin console and the bench show. */
export function progressOf(job: FanoutJob, chunks: FanoutChunk[]): FanoutProgress {
  const counts = chunks.reduce<ChunkCounts>((sum, chunk) => addCounts(sum, chunk), ZERO_COUNTS);
  const chunksDone = chunks.filter((c) => c.done).length;
  const done = chunks.length === job.shards && chunksDone === job.shards;
  return {
    id: job.id,
    kind: job.kind,
    refId: job.refId,
    dreamId: job.dreamId,
    subject: job.message.fields.title,
    expected: job.expected,
    ...counts,
    left: Math.max(0, job.expected - counts.told - counts.already),
    chunks: job.shards,
    chunksDone,
    done,
    createdAt: job.createdAt,
    finishedAt: done
      ? chunks
          .map((c) => c.updatedAt)
          .sort()
          .at(-1)!
      : null,
  };
}

/** A dream that reached its target: every donor is told once, and the WeChat message is `dream_executable`. */
export function dreamExecutableMessage(dream: { id: string; title: string; targetFlowers: number; executableAt: string | null }): FanoutMessage {
  return {
    type: 'dream_executable',
    refId: dream.id,
    title: '你支持的梦想达成目标啦',
    body: `「${dream.title}」已集满 ${dream.targetFlowers} 朵小红花，正在等待公益机构认领执行。`,
    topic: 'dream_executable',
    page: `pages/dream-detail/index?id=${dream.id}`,
    fields: { title: dream.title, note: '已集满小红花，等待公益机构认领', time: dream.executableAt ?? '' },
  };
}

/** A published letter: every donor of its dream finds it in their letterbox, and subscribers get one WeChat message. */
export function letterMessage(letter: { id: string; dreamId: string; title: string; publishedAt: string | null }, dream: { title: string }): FanoutMessage {
  const deliveredAt = letter.publishedAt ?? '';
  return {
    type: 'letter',
    refId: letter.id,
    title: `小红花来信：${letter.title}`,
    body: `你支持的「${dream.title}」有新的进展`,
    topic: 'letter',
    page: `letters/read/index?id=${letter.id}`,
    fields: { title: letter.title, note: `你支持的「${dream.title}」来信了`, time: deliveredAt },
    letterbox: { dreamId: letter.dreamId, dreamTitle: dream.title, deliveredAt },
  };
}

/** A love meal eaten: its donor is told where and when (a `meal_redeemed` notification naming the store and the time). */
export function mealRedeemedMessage(redemption: { id: string; storeName: string; createdAt: string }, timeText: string): FanoutMessage {
  return {
    type: 'meal_redeemed',
    refId: redemption.id,
    title: '你捐的爱心餐已被享用',
    body: `一位环卫工人 ${timeText} 在「${redemption.storeName}」吃到了你捐的爱心餐。`,
    topic: 'meal_redeemed',
    page: 'pages/notifications/index',
    fields: { title: redemption.storeName, note: '你捐的爱心餐已被环卫工人享用', time: redemption.createdAt },
  };
}

/** A donor's meals refunded (their store was suspended): told once, in the app (no subscribe template for it). */
export function mealRefundedMessage(refund: { id: string; storeName: string; meals: number; amountFen: number }): FanoutMessage {
  return {
    type: 'meal_refunded',
    refId: refund.id,
    title: '你捐的爱心餐已退款',
    body: `「${refund.storeName}」暂停营业，你捐的 ${refund.meals} 份爱心餐（${(refund.amountFen / 100).toFixed(2)} 元）已原路退回微信支付。`,
    topic: null,
    page: 'meals/mine/index',
    fields: { title: refund.storeName, note: '你捐的爱心餐已退款', time: new Date().toISOString() },
  };
}

/** What the consumers read of a dream: the dream itself and its donor count, consistently. */
export interface DreamAudienceReader {
  dream(dreamId: string): Promise<DreamRecord | null>;
  donorCount(dream: DreamRecord): Promise<number>;
  /** The match money the dream raised (a letter's first opening balance). */
  matchedFen(dream: DreamRecord): Promise<number>;
}

/** Where an audience comes from: the donors of a dream, one shard at a time, read consistently. */
export interface AudiencePort {
  page(refId: string, shard: number, cursor: string | null, limit: number): Promise<{ userIds: string[]; next: string | null }>;
}

export interface FanoutStore {
  /** Writes the job and its chunks at once; false when the job already exists (a redelivered event). */
  start(job: FanoutJob, chunks: FanoutChunk[]): Promise<boolean>;
  job(jobId: string): Promise<FanoutJob | null>;
  chunk(jobId: string, shard: number): Promise<FanoutChunk | null>;
  chunks(jobId: string): Promise<FanoutChunk[]>;
  /** Writes `next` only if the stored chunk is still at `expectedSeq`; false when another run advanced it. */
  advance(next: FanoutChunk, expectedSeq: number): Promise<boolean>;
  /** Newest first. */
  list(page: { limit: number; cursor?: string }): Promise<{ items: FanoutJob[]; nextCursor: string | null }>;
  /** A message that could not be sent after its retries, kept for an operator (a dead letter). */
  deadLetter(entry: { jobId: string; userId: string; topic: SubscribeTopic; reason: string; at: string }): Promise<void>;
}
