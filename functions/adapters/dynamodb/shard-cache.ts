import type { DreamShard } from '../../domain/dream';
import { BoundedMap } from '../../shared/bounded-map';

interface Entry {
  at: number;
  shards: DreamShard[];
  /** The event at which the read came back. */
  readAt: number;
  /** A gift of ours overlapped the read, so the figures may lack it: fine to plan from, not to show. */
  uncertain: boolean;
}

/**
 * A process's short-lived copy of dreams' counter-shard figures, bounded in the number of dreams.
 * Events order this process's reads and gifts (JavaScript runs one at a time), so a gift can tell
 * whether a cached read could already contain it. (A Lambda container serves one request at a
 * time, so in AWS nothing overlaps; the local gateway, the tests and the bench run many at once.)
 * The gift's own transaction conditions, not this cache, keep the counters right.
 */
export class ShardCache {
  private readonly entries: BoundedMap<string, Entry>;
  /** Per dream, the event at which this process last learned that a gift of its own committed. */
  private readonly lastGiftAcknowledged: BoundedMap<string, number>;
  /** The latest acknowledged gift of a dream whose entry the bound dropped. */
  private forgottenGiftsUpTo = 0;
  private events = 0;

  constructor(
    maxDreams: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.entries = new BoundedMap(maxDreams);
    this.lastGiftAcknowledged = new BoundedMap(maxDreams, (_dreamId, event) => {
      this.forgottenGiftsUpTo = Math.max(this.forgottenGiftsUpTo, event);
    });
  }

  /** Figures young enough for `mode`: `show` (what people see) skips uncertain ones, `plan` takes them. */
  usable(dreamId: string, mode: 'show' | 'plan'): DreamShard[] | undefined {
    const entry = this.entries.get(dreamId);
    if (!entry || this.now() - entry.at >= this.ttlMs) return undefined;
    return mode === 'plan' || !entry.uncertain ? entry.shards : undefined;
  }

  /** Call as a read goes out; hand what it returns to stored(). */
  readStarted(): number {
    return ++this.events;
  }

  stored(dreamId: string, shards: DreamShard[], startedAt: number): void {
    // A gift of ours that committed while this read was out may or may not be in it.
    const uncertain = (this.lastGiftAcknowledged.get(dreamId) ?? this.forgottenGiftsUpTo) > startedAt;
    this.entries.set(dreamId, { at: this.now(), shards, readAt: ++this.events, uncertain });
  }

  /** Call right before a gift's transaction goes out: no read that came back before now can contain it. */
  giftSent(): number {
    return ++this.events;
  }

  /**
   * A gift of ours committed. `fold` turns the cached figures into the ones after it (a shard
   * gift); null drops them (a serialized gift, a flip). Only a read that came back before the
   * gift was sent can be folded into; a later one may already count it, so it becomes uncertain.
   */
  giftCommitted(dreamId: string, sentAt: number, fold: ((shards: DreamShard[]) => DreamShard[]) | null): void {
    this.lastGiftAcknowledged.set(dreamId, ++this.events);
    const entry = this.entries.get(dreamId);
    if (!entry) return;
    if (!fold) this.entries.delete(dreamId);
    else if (entry.readAt > sentAt) entry.uncertain = true;
    else entry.shards = fold(entry.shards);
  }

  forget(dreamId: string): void {
    this.entries.delete(dreamId);
  }
}
