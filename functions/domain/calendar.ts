import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** API.md: a "day" is a calendar day in Asia/Shanghai (or the configured zone). */
export function dayOf(instant: Date, zone: string): string {
  return dayjs(instant).tz(zone).format('YYYY-MM-DD');
}

/** [start, end) of a day in Unix seconds. */
export function dayBoundsSeconds(day: string, zone: string): [number, number] {
  const start = dayjs.tz(day, zone).startOf('day');
  return [start.unix(), start.add(1, 'day').unix()];
}

