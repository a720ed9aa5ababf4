import { z } from 'zod';
import { dayProblem, instantProblem } from '../../functions/contract/fields';
import { submitLetterBody } from '../../functions/contract/letters';
import { day, instant } from '../../functions/contract/schema-kit';
import { daysBetween } from '../../functions/domain/calendar';
import { letterDateProblems } from '../../functions/domain/letter';
import { OCTOBER_LETTER } from '../support/letters';

describe('every date in the contract is a real calendar date', () => {
  it.each(['2026-02-30', '9999-99-99', '0000-00-00', '2026-13-45', '2026-00-10', '2026-04-31', '2025-02-29', '0000-01-01', '2026-1-01', ' 2026-10-01'])(
    'refuses the day %s',
    (value) => {
      // Act + Assert
      expect(dayProblem(value)).not.toBeNull();
      expect(day().safeParse(value).success).toBe(false);
    },
  );

  it.each(['2026-10-31', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('takes the day %s', (value) => {
    expect(dayProblem(value)).toBeNull();
    expect(day().parse(value)).toBe(value);
  });

  it.each([
    '2026-02-30T08:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-10-31T24:00:00Z',
    '2026-10-31T08:60:00Z',
    '2026-10-31T08:00:00+15:00',
    '2026-10-31T08:00:00',
    'yesterday',
  ])('refuses the time %s', (value) => {
    expect(instantProblem(value)).not.toBeNull();
    expect(instant().safeParse(value).success).toBe(false);
  });

  it.each(['2026-10-31T08:00:00.000Z', '2026-10-31T16:00:00+08:00', '2026-10-31T16:00+0800', '9999-12-31T23:59:59+14:00'])('takes the time %s', (value) => {
    expect(instantProblem(value)).toBeNull();
  });

  it('a letter’s body refuses a statement period that is no calendar day, and a happenedAt that is none', () => {
    // Arrange
    const withPeriod = (periodStart: string, periodEnd: string) => ({ ...OCTOBER_LETTER, statement: { ...OCTOBER_LETTER.statement, periodStart, periodEnd } });
    // Act
    const refused = submitLetterBody.safeParse(withPeriod('2026-02-30', '9999-99-99'));
    // Assert
    expect(refused.success).toBe(false);
    expect((refused as z.SafeParseError<unknown>).error.issues.map((issue) => issue.path.join('.'))).toEqual(['statement.periodStart', 'statement.periodEnd']);
    expect(submitLetterBody.safeParse({ ...OCTOBER_LETTER, happenedAt: '2026-02-30T08:00:00Z' }).success).toBe(false);
    expect(submitLetterBody.safeParse(OCTOBER_LETTER).success).toBe(true);
  });

  it('counts whole days between calendar days, across months and leap days', () => {
    expect(daysBetween('2026-10-31', '2026-11-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-08-31', '2026-12-02')).toBe(93);
  });
});

describe('the date rules that need the clock (pinned: 2026-12-03 00:30 in Shanghai, 2026-12-02 in UTC)', () => {
  const now = new Date('2026-12-02T16:30:00Z');
  const rules = { timezone: 'Asia/Shanghai', maxPeriodDays: 93 };
  const period = (periodStart: string, periodEnd: string) => ({ happenedAt: '2026-10-31T08:00:00Z', statement: { periodStart, periodEnd } });
  const paths = (input: Parameters<typeof letterDateProblems>[0]) => letterDateProblems(input, now, rules).map((problem) => problem.path.join('.'));

  it('a period may end today in Shanghai (already tomorrow in UTC terms), not later', () => {
    expect(paths(period('2026-11-01', '2026-12-03'))).toEqual([]);
    expect(paths(period('2026-11-01', '2026-12-04'))).toEqual(['statement.periodEnd']);
    expect(paths(period('2026-10-01', '9999-12-31'))).toEqual(['statement.periodEnd', 'statement.periodEnd']);
  });

  it('a period spans at most maxPeriodDays and starts no later than it ends', () => {
    expect(paths(period('2026-08-31', '2026-12-02'))).toEqual([]);
    expect(paths(period('2026-08-30', '2026-12-02'))).toEqual(['statement.periodEnd']);
    expect(paths(period('2026-11-02', '2026-11-01'))).toEqual(['statement.periodStart']);
  });

  it('happenedAt may run five minutes ahead of the clock (skew), not more', () => {
    expect(paths({ happenedAt: '2026-12-02T16:35:00Z' })).toEqual([]);
    expect(paths({ happenedAt: '2026-12-03T00:35:01+08:00' })).toEqual(['happenedAt']);
    expect(paths({ happenedAt: '9999-12-31T23:59:59+14:00' })).toEqual(['happenedAt']);
  });
});
