import { deadlineOnThisPhone } from '../../app/utils/code-deadline';
import { daysEndingWith } from '../../app/utils/format';

describe('app date helpers', () => {
  it('lists the 7 calendar days ending today, oldest first, across a month and year boundary', () => {
    expect(daysEndingWith('2027-01-02', 7)).toEqual(['2026-12-27', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(daysEndingWith('not-a-day', 7)).toEqual([]);
  });
});

describe('a shown code’s deadline on this phone', () => {
  it('is the server’s expiry, unless the phone’s clock is far off (then the usual lifetime from now)', () => {
    const fetchedAt = Date.parse('2026-12-02T04:00:00.000Z');
    expect(deadlineOnThisPhone('2026-12-02T04:01:30.000Z', fetchedAt, 90_000)).toBe(fetchedAt + 90_000);
    expect(deadlineOnThisPhone('2026-12-02T04:01:00.000Z', fetchedAt, 90_000)).toBe(fetchedAt + 60_000);
    // A phone an hour ahead sees the code as long expired; an hour behind, as good for an hour.
    expect(deadlineOnThisPhone('2026-12-02T03:01:30.000Z', fetchedAt, 90_000)).toBe(fetchedAt + 90_000);
    expect(deadlineOnThisPhone('2026-12-02T05:01:30.000Z', fetchedAt, 90_000)).toBe(fetchedAt + 90_000);
    expect(deadlineOnThisPhone('not a time', fetchedAt, 90_000)).toBe(fetchedAt + 90_000);
  });
});
