import { decideGift, initialShardRooms, planGift, shardsAfterGift, totalsOf, UNLIMITED_ROOM, type DreamShard } from '../../functions/domain/dream';

const shard = (index: number, room: number, fundRoomFen = 0, extra: Partial<DreamShard> = {}): DreamShard => ({
  index,
  flowers: 0,
  donors: 0,
  matchedFen: 0,
  room,
  fundRoomFen,
  accepting: true,
  hours: {},
  ...extra,
});

describe('initialShardRooms', () => {
  it('splits target − 1 flowers and the fund exactly over the shards', () => {
    const rooms = initialShardRooms(1_000, 8, 1_003);
    expect(rooms.reduce((s, r) => s + r.room, 0)).toBe(999);
    expect(rooms.reduce((s, r) => s + r.fundRoomFen, 0)).toBe(1_003);
    expect(Math.max(...rooms.map((r) => r.room)) - Math.min(...rooms.map((r) => r.room))).toBeLessThanOrEqual(1);
  });
});

describe('planGift', () => {
  it('sends an ordinary gift to a random shard with room', () => {
    const shards = [shard(0, 100), shard(1, 100), shard(2, 5)];
    expect(planGift(shards, 10, null, () => 0.99)).toEqual({ path: 'shard', shardIndex: 1, matchFen: 0 });
    expect(planGift(shards, 10, null, () => 0)).toEqual({ path: 'shard', shardIndex: 0, matchFen: 0 });
  });

  it('prefers a shard whose fund matches the gift in full', () => {
    const fund = { sponsorName: 'x', fenPerFlower: 10, budgetFen: 1_000 };
    const plan = planGift([shard(0, 100, 50), shard(1, 100, 200)], 10, fund, () => 0);
    expect(plan).toEqual({ path: 'shard', shardIndex: 1, matchFen: 100 });
  });

  it('gathers a partial match from the shards with the most fund, each as read', () => {
    const fund = { sponsorName: 'x', fenPerFlower: 10, budgetFen: 1_000 };
    const plan = planGift([shard(0, 100, 30), shard(1, 100, 50), shard(2, 100, 0)], 10, fund, () => 0);
    expect(plan).toEqual({
      path: 'shard',
      shardIndex: 1,
      matchFen: 80,
      fundTakes: [
        { index: 1, before: 50, after: 0 },
        { index: 0, before: 30, after: 0 },
      ],
    });
  });

  it('takes room from several shards when no single shard can hold the gift', () => {
    const plan = planGift([shard(0, 30), shard(1, 50), shard(2, 20)], 60, null);
    expect(plan).toMatchObject({ path: 'serialized', crosses: false, matchFen: 0 });
    if (plan.path !== 'serialized') throw new Error('unreachable');
    expect(plan.shardUpdates).toEqual([
      { index: 0, room: 20, fundRoomFen: 0 },
      { index: 1, room: 0, fundRoomFen: 0 },
    ]);
  });

  it('the gift larger than all the room left crosses the target and reopens every shard without limit', () => {
    const plan = planGift([shard(0, 3, 7), shard(1, 2, 0)], 6, { sponsorName: 'x', fenPerFlower: 1, budgetFen: 10 });
    expect(plan).toMatchObject({ path: 'serialized', crosses: true, matchFen: 6 });
    if (plan.path !== 'serialized') throw new Error('unreachable');
    expect(plan.shardUpdates.map((u) => u.room)).toEqual([UNLIMITED_ROOM, UNLIMITED_ROOM]);
    expect(plan.shardUpdates.reduce((s, u) => s + u.fundRoomFen, 0)).toBe(1);
  });

  it('never plans a gift onto a shard that stopped accepting', () => {
    const plan = planGift([shard(0, 100, 0, { accepting: false })], 1, null);
    expect(plan.path).toBe('serialized');
  });
});

describe('totalsOf', () => {
  it('sums the shards and the serialized extras, and only the last 24 hours for the hot figure', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const hour = Math.floor(now.getTime() / 3_600_000);
    const shards = [
      shard(0, 0, 0, { flowers: 10, donors: 2, matchedFen: 5, hours: { [`h${hour}`]: 4, [`h${hour - 30}`]: 6 } }),
      shard(1, 0, 0, { flowers: 7, donors: 1 }),
    ];
    const totals = totalsOf({ extraFlowers: 3, extraDonors: 1, extraMatchedFen: 1, hours: { [`h${hour - 23}`]: 3 } }, shards, now);
    expect(totals).toEqual({ flowersRaised: 20, donorCount: 4, matchedFen: 6, flowersLast24h: 7 });
  });
});

describe('decideGift', () => {
  const now = new Date('2026-12-01T04:00:00Z');
  const dream = (extra: Partial<Parameters<typeof decideGift>[0]> = {}) => ({
    status: 'open' as const,
    matchFund: null,
    extraFlowers: 0,
    extraDonors: 0,
    extraMatchedFen: 0,
    hours: {},
    ...extra,
  });

  it('refuses a dream that does not take flowers', () => {
    for (const status of ['in_review', 'rejected', 'adopted', 'completed'] as const) {
      expect(() => decideGift(dream({ status }), [shard(0, 100)], { flowers: 1, newDonor: true, now })).toThrow(
        expect.objectContaining({ code: 'DREAM_NOT_ACCEPTING' }),
      );
    }
  });

  it('an ordinary gift goes to a shard, flips nothing, and counts a new donor once', () => {
    const decision = decideGift(dream(), [shard(0, 100, 0, { flowers: 40, donors: 3 })], { flowers: 10, newDonor: true, now, random: () => 0 });
    expect(decision).toEqual({
      plan: { path: 'shard', shardIndex: 0, matchFen: 0 },
      flips: false,
      totalsAfter: { flowersRaised: 50, donorCount: 4, matchedFen: 0, flowersLast24h: 10 },
    });
    expect(decideGift(dream(), [shard(0, 100, 0, { donors: 3 })], { flowers: 10, newDonor: false, now }).totalsAfter.donorCount).toBe(3);
  });

  it('the gift bigger than all the room left crosses the target and flips an open dream, not an executable one', () => {
    // Target 100: 99 flowers of room were split; 90 are taken, 9 left.
    const shards = [shard(0, 4, 0, { flowers: 45 }), shard(1, 5, 0, { flowers: 45 })];
    const crossing = decideGift(dream(), shards, { flowers: 10, newDonor: false, now });
    expect(crossing.plan).toMatchObject({ path: 'serialized', crosses: true });
    expect(crossing.flips).toBe(true);
    expect(crossing.totalsAfter.flowersRaised).toBe(100);
    expect(decideGift(dream(), shards, { flowers: 9, newDonor: false, now }).flips).toBe(false);
    expect(decideGift(dream({ status: 'executable' }), shards, { flowers: 10, newDonor: false, now }).flips).toBe(false);
  });

  it('matches from the fund, and never more than the fund has left', () => {
    const fund = { sponsorName: '绿动', fenPerFlower: 10, budgetFen: 150 };
    const decision = decideGift(dream({ matchFund: fund }), [shard(0, 100, 70), shard(1, 100, 80)], { flowers: 20, newDonor: false, now, random: () => 0 });
    expect(decision.plan.matchFen).toBe(150);
    expect(decision.totalsAfter.matchedFen).toBe(150);
  });
});

describe('shardsAfterGift', () => {
  it('folds a shard gift into the figures exactly as its transaction adds them', () => {
    const now = new Date('2026-12-01T04:00:00Z');
    const before = [shard(0, 100, 500, { flowers: 5, hours: { [`h${Math.floor(now.getTime() / 3_600_000)}`]: 5 } }), shard(1, 100, 500)];
    const after = shardsAfterGift(before, { path: 'shard', shardIndex: 0, matchFen: 30 }, { flowers: 3, newDonor: true, now })!;
    expect(after[0]).toMatchObject({ flowers: 8, donors: 1, matchedFen: 30, room: 97, fundRoomFen: 470 });
    expect(Object.values(after[0].hours)).toEqual([8]);
    expect(after[1]).toEqual(before[1]);
  });

  it('says nothing for a serialized gift: the figures must be read again', () => {
    expect(
      shardsAfterGift([shard(0, 1)], { path: 'serialized', crosses: true, matchFen: 0, shardUpdates: [] }, { flowers: 5, newDonor: false, now: new Date() }),
    ).toBeNull();
  });
});
