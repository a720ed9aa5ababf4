import type { Clock } from '../../functions/domain/ports';

/** A clock the test sets: days, midnights and expiries without waiting. */
export class PinnedClock implements Clock {
  constructor(private instant: Date) {}
  now(): Date {
    return new Date(this.instant);
  }
  set(iso: string): void {
    this.instant = new Date(iso);
  }
  advanceSeconds(seconds: number): void {
    this.instant = new Date(this.instant.getTime() + seconds * 1000);
  }
}
