import type { DreamCategory, DreamRecord, DreamShard, DreamStatus } from './dream';
import type { GiftCommit } from './dream-gift';
import type { AdoptedDream, ReviewedDream } from './dream-review';
import type { Page, PageRequest, PendingWrite } from './ports';

/**
 * What storage does for dreams: reads (briefly cached), the life-cycle writes (proposed, reviewed,
 * adopted) and a gift's writes for the ledger move's transaction. The use cases decide; these
 * write what was decided, under conditions that hold it to what was read.
 */

/** How fresh shard figures must be: `show` (what people see), `plan` (a gift's first attempt), `exact` (a consistent read). */
export type ShardFreshness = 'show' | 'plan' | 'exact';

export interface DreamReads {
  get(dreamId: string, consistent?: boolean): Promise<DreamRecord | null>;
  /** The dream for a gift: a short-lived cached read, since the gift's own conditions check it. */
  getForGift(dreamId: string): Promise<DreamRecord | null>;
  /** The counter shards of each dream, by index. */
  shardsOf(dreams: DreamRecord[], freshness?: ShardFreshness): Promise<Map<string, DreamShard[]>>;
  list(filter: { status?: DreamStatus; category?: DreamCategory }, page: PageRequest): Promise<Page<DreamRecord>>;
  listProposedBy(userId: string, page: PageRequest): Promise<Page<DreamRecord>>;
  /** The newest public dreams, for the hot ranking. */
  publicCandidates(max: number, category?: DreamCategory): Promise<DreamRecord[]>;
  hasGiven(dream: DreamRecord, userId: string): Promise<boolean>;
  recentDonors(dream: DreamRecord, limit: number): Promise<{ userId: string; nickname: string; firstAt: string }[]>;
}

/** A dream's way through review: proposed (into the queue), reviewed, adopted. */
export interface DreamReviewStore {
  create(dream: DreamRecord): Promise<void>;
  /** Writes the reviewed dream, its shards and the audit entry; false when the dream was no longer `from`. */
  review(reviewed: ReviewedDream): Promise<boolean>;
  /** Writes the adopted dream and closes its shards; false when the dream was no longer `from`. */
  adopt(adopted: AdoptedDream): Promise<boolean>;
}

/** The store's mark of when a gift's transaction went out (opaque to use cases). */
export interface GiftSent {
  readonly __giftSent: true;
}

export interface DreamGiftStore {
  /** The gift's writes for the ledger move's transaction, which goes out right after this. */
  prepare(commit: GiftCommit): { writes: PendingWrite[]; sent: GiftSent };
  /**
   * The move committed with this gift. `fold` turns the shard figures this process keeps into the
   * ones after it; null drops them and the cached dream (the gift changed the dream item).
   */
  committed(commit: GiftCommit, sent: GiftSent, fold: ((shards: DreamShard[]) => DreamShard[]) | null): void;
}
