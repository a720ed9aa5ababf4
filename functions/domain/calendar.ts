/**
 * Calendar days in a time zone, on the platform's Intl (ICU) time-zone data: no date library in
 * every function bundle for two functions.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(instant: number, zone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far the zone's wall clock is ahead of UTC at this instant, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  const p = partsIn(instant, zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant the zone's wall clock shows midnight starting `day` (YYYY-MM-DD). */
function startOfDay(day: string, zone: string): number {
  const [year, month, date] = day.split('-').map(Number);
  const wallMidnight = Date.UTC(year, month - 1, date);
  // Twice: the offset at the first guess can differ from the offset at midnight (a DST change).
  const guess = wallMidnight - offsetAt(wallMidnight, zone);
  return wallMidnight - offsetAt(guess, zone);
}

/** The zone's wall clock at this instant (a WeChat message shows times that way). */
export function wallClock(instant: Date, zone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  return partsIn(instant.getTime(), zone);
}

/** The contract: a "day" is a calendar day in Asia/Shanghai (or the configured zone). */
export function dayOf(instant: Date, zone: string): string {
  const p = partsIn(instant.getTime(), zone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** [start, end) of a day in Unix seconds (23 or 25 hours long where the clock changes). */
export function dayBoundsSeconds(day: string, zone: string): [number, number] {
  const start = startOfDay(day, zone);
  const [year, month, date] = day.split('-').map(Number);
  const next = new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
  return [start / 1000, startOfDay(next, zone) / 1000];
}

export type MealPeriod = 'day' | 'week' | 'month';

/**
 * The period a worker's love meals are counted in (rules.meals.workerPeriod): the calendar day
 * (the contract's default), the ISO week (its Monday starts it) or the month, in the zone: 2026-12-02, 2026-W49, 2026-12.
 */
export function periodOf(instant: Date, zone: string, period: MealPeriod): string {
  const day = dayOf(instant, zone);
  if (period === 'day') return day;
  if (period === 'month') return day.slice(0, 7);
  const [year, month, date] = day.split('-').map(Number);
  const utc = Date.UTC(year, month - 1, date);
  // The week's Thursday names its ISO year and number.
  const thursday = new Date(utc + (3 - ((new Date(utc).getUTCDay() + 6) % 7)) * 86_400_000);
  const week = Math.ceil(((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Whole days from one calendar day (YYYY-MM-DD) to another: 1 from 2026-10-31 to 2026-11-01. */
export function daysBetween(from: string, to: string): number {
  const utc = (day: string) => {
    const [year, month, date] = day.split('-').map(Number);
    return Date.UTC(year, month - 1, date);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}
