import type { DreamRecord } from '../../domain/dream';
import { BoundedMap, BoundedSet } from '../../shared/bounded-map';
import { ShardCache } from './shard-cache';

const SHARD_CACHE_MS = 1_000;
const PROFILE_CACHE_MS = 1_000;
/** How many dreams' profiles and shard figures one process keeps, and how many (dream, donor) pairs. */
const CACHED_DREAMS = 2_000;
const KNOWN_DONORS = 100_000;

/**
 * What one process keeps of the dreams it served, shared by the reads and the gift writes (a
 * gift folds itself into the figures, drops a dream it changed). Every cache is bounded: a warm
 * function sees many dreams. The writes' conditions, not these copies, keep the counters right.
 */
export class DreamCaches {
  readonly shards = new ShardCache(CACHED_DREAMS, SHARD_CACHE_MS);
  /** A popular dream is read for thousands of gifts a second: a second's copy serves them. */
  readonly profiles = new BoundedMap<string, { at: number; dream: DreamRecord }>(CACHED_DREAMS);
  readonly profileMs = PROFILE_CACHE_MS;
  /** (dream, donor) pairs known to have given: that never becomes false, so it is cached. */
  readonly donors = new BoundedSet<string>(KNOWN_DONORS);

  static donorPair(dreamId: string, userId: string): string {
    return `${dreamId}|${userId}`;
  }
}
