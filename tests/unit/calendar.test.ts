import { dayBoundsSeconds, dayOf, periodOf } from '../../functions/domain/calendar';

describe('calendar days in a time zone', () => {
  it('a Shanghai day runs from 16:00 UTC the evening before', () => {
    expect(dayOf(new Date('2026-11-30T15:59:59.999Z'), 'Asia/Shanghai')).toBe('2026-11-30');
    expect(dayOf(new Date('2026-11-30T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-12-01');
    expect(dayBoundsSeconds('2026-12-01', 'Asia/Shanghai')).toEqual([Date.parse('2026-11-30T16:00:00Z') / 1000, Date.parse('2026-12-01T16:00:00Z') / 1000]);
  });

  it('crosses months and years', () => {
    expect(dayOf(new Date('2026-12-31T16:30:00Z'), 'Asia/Shanghai')).toBe('2027-01-01');
    expect(dayBoundsSeconds('2027-01-01', 'Asia/Shanghai')[0]).toBe(Date.parse('2026-12-31T16:00:00Z') / 1000);
  });

  it('gives a 23-hour and a 25-hour day where the clock changes', () => {
    const [springStart, springEnd] = dayBoundsSeconds('2026-03-08', 'America/New_York');
    expect(springStart).toBe(Date.parse('2026-03-08T05:00:00Z') / 1000);
    expect(springEnd - springStart).toBe(23 * 3600);
    const [fallStart, fallEnd] = dayBoundsSeconds('2026-11-01', 'America/New_York');
    expect(fallStart).toBe(Date.parse('2026-11-01T04:00:00Z') / 1000);
    expect(fallEnd - fallStart).toBe(25 * 3600);
    expect(dayOf(new Date('2026-11-01T04:00:00Z'), 'America/New_York')).toBe('2026-11-01');
    expect(dayOf(new Date('2026-11-01T03:59:59Z'), 'America/New_York')).toBe('2026-10-31');
  });
});

describe('a worker’s meal period (rules.meals.workerPeriod)', () => {
  it('is the zone’s day, ISO week or month', () => {
    // 2026-12-31 23:30 in Shanghai is still 2026-12-31 there (UTC is 15:30)
    const lateNewYearsEve = new Date('2026-12-31T15:30:00.000Z');
    expect(periodOf(lateNewYearsEve, 'Asia/Shanghai', 'day')).toBe('2026-12-31');
    expect(periodOf(lateNewYearsEve, 'Asia/Shanghai', 'month')).toBe('2026-12');
    // ISO weeks: 2026-12-31 is a Thursday in week 53; 2027-01-01 (a Friday) too; 2027-01-04 starts week 1
    expect(periodOf(lateNewYearsEve, 'Asia/Shanghai', 'week')).toBe('2026-W53');
    expect(periodOf(new Date('2026-12-31T16:30:00.000Z'), 'Asia/Shanghai', 'week')).toBe('2026-W53');
    expect(periodOf(new Date('2027-01-04T01:00:00.000Z'), 'Asia/Shanghai', 'week')).toBe('2027-W01');
    expect(periodOf(new Date('2026-12-02T04:00:00.000Z'), 'Asia/Shanghai', 'week')).toBe('2026-W49');
    // Monday starts the week: Sunday 2026-12-06 and Monday 2026-12-07 differ
    expect(periodOf(new Date('2026-12-06T04:00:00.000Z'), 'Asia/Shanghai', 'week')).toBe('2026-W49');
    expect(periodOf(new Date('2026-12-07T04:00:00.000Z'), 'Asia/Shanghai', 'week')).toBe('2026-W50');
  });
});
