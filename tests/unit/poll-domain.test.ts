import { answerOf, checkOptions, close, effectiveStatus, pollView, shardOf, sumShards, type PollRecord } from '../../functions/domain/poll';

const NOW = new Date('2026-12-03T06:00:00.000Z');

const poll = (over: Partial<PollRecord> = {}): PollRecord => ({
  id: 'poll1',
  assemblyId: 'a1',
  dreamId: 'd1',
  charityId: 'c1',
  question: '下一批书先送哪所学校？',
  options: ['东坪小学', '西坡小学', '南山小学'],
  status: 'open',
  shards: 8,
  createdAt: '2026-12-03T05:00:00.000Z',
  closedAt: null,
  ...over,
});

describe('poll validation', () => {
  it('refuses the same option twice (400, naming which)', () => {
    expect(() => checkOptions(['好', '不好', '好'])).toThrow(
      expect.objectContaining({ status: 400, details: [expect.objectContaining({ path: ['options', 2] })] }),
    );
    expect(() => checkOptions(['好', '不好'])).not.toThrow();
  });

  it('takes an answer for one of the options of an open poll, on a stable shard', () => {
    // Act
    const answer = answerOf(poll(), false, 'u1', 2, NOW);
    // Assert
    expect(answer).toEqual({ pollId: 'poll1', userId: 'u1', option: 2, shard: shardOf('u1', 8), answeredAt: NOW.toISOString() });
    expect(answer.shard).toBe(answerOf(poll(), false, 'u1', 0, NOW).shard);
  });

  it('refuses an option past the poll’s own (400)', () => {
    expect(() => answerOf(poll(), false, 'u1', 3, NOW)).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('refuses answers once the poll, or its assembly, is closed (409 POLL_CLOSED)', () => {
    expect(() => answerOf(poll({ status: 'closed' }), false, 'u1', 0, NOW)).toThrow(expect.objectContaining({ code: 'POLL_CLOSED' }));
    expect(() => answerOf(poll(), true, 'u1', 0, NOW)).toThrow(expect.objectContaining({ code: 'POLL_CLOSED' }));
  });

  it('closes once', () => {
    // Act
    const closed = close(poll(), NOW);
    // Assert
    expect(closed).toMatchObject({ status: 'closed', closedAt: NOW.toISOString() });
    expect(() => close(closed, NOW)).toThrow(expect.objectContaining({ code: 'POLL_CLOSED' }));
  });
});

describe('results hiding', () => {
  it('shows no results while the poll is open, whatever was counted', () => {
    // Act
    const view = pollView(poll(), { assemblyClosed: false, counts: [5, 1, 0], answered: true });
    // Assert
    expect(view).toMatchObject({ status: 'open', results: null, answered: true });
  });

  it('shows the counts once the poll is closed', () => {
    expect(pollView(poll({ status: 'closed' }), { assemblyClosed: false, counts: [5, 1, 0], answered: false }).results).toEqual([5, 1, 0]);
  });

  it('counts the poll closed, with its results, once the assembly is closed', () => {
    // Act
    const view = pollView(poll(), { assemblyClosed: true, counts: [2, 2, 1], answered: false });
    // Assert
    expect(effectiveStatus(poll(), true)).toBe('closed');
    expect(view).toMatchObject({ status: 'closed', results: [2, 2, 1] });
  });

  it('adds the shards option by option', () => {
    expect(
      sumShards(3, [
        [1, 0, 2],
        [0, 4],
        [3, 1, 1],
      ]),
    ).toEqual([4, 5, 3]);
  });

  it('spreads people over every shard', () => {
    // Act
    const used = new Set(Array.from({ length: 400 }, (_, i) => shardOf(`user-${i}`, 8)));
    // Assert
    expect(used.size).toBe(8);
  });
});
