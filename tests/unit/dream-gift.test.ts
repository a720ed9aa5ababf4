import { UNLIMITED_ROOM, type DreamRecord, type DreamShard } from '../../functions/domain/dream';
import type { GiftCommit } from '../../functions/domain/dream-gift';
import type { DreamGiftStore, DreamReads, GiftSent, ShardFreshness } from '../../functions/domain/dream-ports';
import type { FlowerAccount } from '../../functions/domain/ledger';
import { LedgerMoves } from '../../functions/domain/ledger-moves';
import type { LedgerStore, MoveCommit, MoveWrites, PendingWrite, PlannedMove } from '../../functions/domain/ports';
import { giveFlowers, type GiftRequest } from '../../functions/dreams/give';
import { PinnedClock } from '../support/clock';

/** The use case decides each gift; these fakes only hand it figures and record what it commits. */

const NOW = new Date('2026-12-01T04:00:00Z');

const shard = (index: number, room: number, extra: Partial<DreamShard> = {}): DreamShard => ({
  index,
  flowers: 0,
  donors: 0,
  matchedFen: 0,
  room,
  fundRoomFen: 0,
  accepting: true,
  hours: {},
  ...extra,
});

const dreamRecord = (extra: Partial<DreamRecord> = {}): DreamRecord => ({
  id: 'd1',
  title: '山区图书室',
  story: '……',
  category: 'education',
  targetFlowers: 100,
  coverUrl: null,
  beneficiaries: null,
  status: 'open',
  proposerId: 'p1',
  charityId: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  reviewNote: null,
  executableAt: null,
  adoptedAt: null,
  openedAt: '2026-11-02T00:00:00.000Z',
  shardCount: 2,
  matchFund: null,
  extraFlowers: 0,
  extraDonors: 0,
  extraMatchedFen: 0,
  hours: {},
  version: 3,
  ...extra,
});

/** Reads: `cached` figures for a first attempt, `stored` ones for an exact read; records each read. */
class FakeReads implements Pick<DreamReads, 'get' | 'shardsOf' | 'hasGiven'> {
  readonly reads: string[] = [];
  constructor(
    public stored: { dream: DreamRecord; shards: DreamShard[] },
    public cached: DreamShard[] = stored.shards,
  ) {}
  async get(_dreamId: string, consistent = false) {
    this.reads.push(consistent ? 'dream exact' : 'dream');
    return this.stored.dream;
  }
  async shardsOf(dreams: DreamRecord[], freshness: ShardFreshness = 'show') {
    this.reads.push(`shards ${freshness}`);
    return new Map([[dreams[0].id, freshness === 'exact' ? this.stored.shards : this.cached]]);
  }
  async hasGiven() {
    return false;
  }
}

class FakeGiftStore implements DreamGiftStore {
  readonly prepared: GiftCommit[] = [];
  readonly folds: (((shards: DreamShard[]) => DreamShard[]) | null)[] = [];
  prepare(commit: GiftCommit) {
    this.prepared.push(commit);
    return { writes: [commit as unknown as PendingWrite], sent: this.prepared.length as unknown as GiftSent };
  }
  committed(_commit: GiftCommit, _sent: GiftSent, fold: ((shards: DreamShard[]) => DreamShard[]) | null) {
    this.folds.push(fold);
  }
}

/** Commits answer in turn from `answers` (then `committed`); records what each transaction carried. */
class FakeLedgerStore implements Pick<LedgerStore, 'getAccount' | 'commit'> {
  readonly commits: { move: PlannedMove; writes: MoveWrites }[] = [];
  constructor(
    private account: FlowerAccount,
    private answers: MoveCommit['kind'][] = [],
  ) {}
  async getAccount() {
    return this.account;
  }
  async commit(move: PlannedMove, writes: MoveWrites): Promise<MoveCommit> {
    this.commits.push({ move, writes });
    const kind = this.answers.shift() ?? 'committed';
    if (kind === 'committed') this.account = move.account;
    return { kind } as MoveCommit;
  }
}

function arrange(figures: { dream?: DreamRecord; shards: DreamShard[]; cached?: DreamShard[]; answers?: MoveCommit['kind'][] }) {
  const dream = figures.dream ?? dreamRecord();
  const dreams = new FakeReads({ dream, shards: figures.shards }, figures.cached);
  const dreamGifts = new FakeGiftStore();
  const store = new FakeLedgerStore({ userId: 'u1', balance: 500, earned: 500, given: 0, version: 7 }, figures.answers);
  const clock = new PinnedClock(NOW);
  const ledger = new LedgerMoves(store as unknown as LedgerStore, { maxAttempts: 5, clock, pause: async () => undefined, newEntryId: () => 'e1' });
  const deps = { clock, dreams: dreams as unknown as DreamReads, dreamGifts, ledger };
  const request = (flowers: number): GiftRequest => ({ dream, userId: 'u1', nickname: async () => '小明', flowers, teamId: null, random: () => 0 });
  return { deps, dreams, dreamGifts, store, request };
}

describe('a gift as the use case decides it', () => {
  it('an ordinary gift: one shard takes it, in the same transaction as the ledger move, and is folded into the kept figures', async () => {
    // Arrange: target 100, 99 flowers of room over two shards, 10 already given.
    const { deps, dreamGifts, store, request } = arrange({ shards: [shard(0, 40, { flowers: 10 }), shard(1, 49)] });

    // Act
    const outcome = await giveFlowers(deps, request(5));

    // Assert
    const [commit] = dreamGifts.prepared;
    expect(commit).toMatchObject({ dreamId: 'd1', userId: 'u1', flowers: 5, donorsAdded: 1, matchFen: 0, newDonor: { nickname: '小明' } });
    expect(commit.counters).toEqual({ path: 'shard', shardIndex: 0, ownFund: null, otherFunds: [], staleHours: expect.any(Array) });
    expect(store.commits).toHaveLength(1);
    expect(store.commits[0].writes.extras).toEqual([commit]);
    expect(store.commits[0].move).toMatchObject({
      before: { balance: 500 },
      account: { balance: 495, given: 5 },
      entry: { delta: -5, reason: 'dream_donation', refId: 'd1' },
    });
    expect(outcome).toMatchObject({ flipped: false, newDonor: true, totals: { flowersRaised: 15, donorCount: 1 }, dream: { status: 'open' } });
    expect(dreamGifts.folds[0]!([shard(0, 40, { flowers: 10 }), shard(1, 49)])[0]).toMatchObject({ flowers: 15, room: 35 });
  });

  it('the gift that completes the target goes through the dream item, expects it as read and flips it to executable', async () => {
    // Arrange: 95 of 100 given; the shards hold the last 4 flowers of room.
    const { deps, dreamGifts, request } = arrange({ shards: [shard(0, 2, { flowers: 50 }), shard(1, 2, { flowers: 45 })] });

    // Act
    const outcome = await giveFlowers(deps, request(5));

    // Assert
    const { counters } = dreamGifts.prepared[0];
    expect(counters).toEqual({
      path: 'serialized',
      expected: { version: 3, status: 'open' },
      flip: { executableAt: NOW.toISOString() },
      shards: [
        { index: 0, room: UNLIMITED_ROOM, fundRoomFen: 0, roomBefore: 2, fundBefore: 0 },
        { index: 1, room: UNLIMITED_ROOM, fundRoomFen: 0, roomBefore: 2, fundBefore: 0 },
      ],
    });
    expect(outcome).toMatchObject({ flipped: true, dream: { status: 'executable', executableAt: NOW.toISOString() }, totals: { flowersRaised: 100 } });
    expect(dreamGifts.folds).toEqual([null]);
  });

  it('a gift over what the target still needs is taken whole and flips the dream once', async () => {
    // Arrange: 95 of 100 given, a gift of 8.
    const { deps, dreamGifts, request } = arrange({ shards: [shard(0, 2, { flowers: 50 }), shard(1, 2, { flowers: 45 })] });

    // Act
    const outcome = await giveFlowers(deps, request(8));

    // Assert
    expect(dreamGifts.prepared[0]).toMatchObject({ flowers: 8, counters: { path: 'serialized', flip: { executableAt: NOW.toISOString() } } });
    expect(outcome).toMatchObject({ flipped: true, totals: { flowersRaised: 103 } });
  });

  it('after a lost race the retry decides again from exact figures: the dream and the shards read consistently', async () => {
    // Arrange: the cached figures say shard 0 has room; meanwhile another gift filled it.
    const { deps, dreams, dreamGifts, store, request } = arrange({
      cached: [shard(0, 40), shard(1, 49)],
      shards: [shard(0, 0, { flowers: 40 }), shard(1, 49)],
      answers: ['stale'],
    });

    // Act
    const outcome = await giveFlowers(deps, request(5));

    // Assert
    expect(dreams.reads).toEqual(['shards plan', 'dream exact', 'shards exact']);
    expect(dreamGifts.prepared.map((c) => c.counters)).toMatchObject([
      { path: 'shard', shardIndex: 0 },
      { path: 'shard', shardIndex: 1 },
    ]);
    expect(store.commits.map((c) => c.writes.extras)).toEqual([[dreamGifts.prepared[0]], [dreamGifts.prepared[1]]]);
    expect(outcome.totals.flowersRaised).toBe(45);
  });
});
