import { daysEndingWith } from '../../app/utils/format';

describe('app date helpers', () => {
  it('lists the 7 calendar days ending today, oldest first, across a month and year boundary', () => {
    expect(daysEndingWith('2027-01-02', 7)).toEqual(['2026-12-27', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(daysEndingWith('not-a-day', 7)).toEqual([]);
  });
});
