import type { DreamShard } from '../../functions/domain/dream';
import { ShardCache } from '../../functions/adapters/dynamodb/shard-cache';

const shard = (flowers: number): DreamShard[] => [{ index: 0, flowers, donors: 1, matchedFen: 0, fundRoomFen: 0, hours: {} } as unknown as DreamShard];
const plusOne = (shards: DreamShard[]) => shards.map((s) => ({ ...s, flowers: s.flowers + 1 }));

describe('the shard cache', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000;
  });

  it('serves figures for their time to live, then reads again', () => {
    const cache = new ShardCache(10, 1_000, now);
    cache.stored('d1', shard(5), cache.readStarted());
    expect(cache.usable('d1', 'show')?.[0].flowers).toBe(5);
    clock += 1_000;
    expect(cache.usable('d1', 'show')).toBeUndefined();
  });

  it('folds a gift into a read that came back before the gift was sent', () => {
    const cache = new ShardCache(10, 1_000, now);
    cache.stored('d1', shard(5), cache.readStarted());
    const sentAt = cache.giftSent();
    cache.giftCommitted('d1', sentAt, plusOne);
    expect(cache.usable('d1', 'show')?.[0].flowers).toBe(6);
  });

  it('never folds into a read that may already count the gift: it only plans from it', () => {
    // Arrange: the gift goes out, then a read starts and comes back before the gift is acknowledged.
    const cache = new ShardCache(10, 1_000, now);
    const sentAt = cache.giftSent();
    cache.stored('d1', shard(6), cache.readStarted());

    // Act
    cache.giftCommitted('d1', sentAt, plusOne);

    // Assert: not 7 (counted twice); not shown, still fine to plan from.
    expect(cache.usable('d1', 'show')).toBeUndefined();
    expect(cache.usable('d1', 'plan')?.[0].flowers).toBe(6);
  });

  it('marks a read uncertain when a gift of ours was acknowledged while it was out', () => {
    const cache = new ShardCache(10, 1_000, now);
    const startedAt = cache.readStarted();
    cache.giftCommitted('d1', cache.giftSent(), plusOne);
    cache.stored('d1', shard(5), startedAt);
    expect(cache.usable('d1', 'show')).toBeUndefined();
  });

  it('drops the figures after a serialized gift', () => {
    const cache = new ShardCache(10, 1_000, now);
    cache.stored('d1', shard(5), cache.readStarted());
    cache.giftCommitted('d1', cache.giftSent(), null);
    expect(cache.usable('d1', 'plan')).toBeUndefined();
  });

  it('keeps at most its bound of dreams, and a forgotten gift still makes overlapping reads uncertain', () => {
    // Arrange: two dreams fit; d1's acknowledgement is pushed out by d2 and d3.
    const cache = new ShardCache(2, 1_000, now);
    const startedAt = cache.readStarted();
    cache.giftCommitted('d1', cache.giftSent(), plusOne);
    cache.giftCommitted('d2', cache.giftSent(), plusOne);
    cache.giftCommitted('d3', cache.giftSent(), plusOne);
    for (const id of ['a', 'b', 'c']) cache.stored(id, shard(1), cache.readStarted());

    // Act: the read that was out during d1's gift comes back.
    cache.stored('d1', shard(5), startedAt);

    // Assert
    expect(cache.usable('a', 'show')).toBeUndefined();
    expect(cache.usable('c', 'show')).toBeDefined();
    expect(cache.usable('d1', 'show')).toBeUndefined();
  });
});
