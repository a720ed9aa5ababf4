import { CountedQuotas, RateLimitedError, type QuotaCounter, type QuotaCounters } from '../../functions/domain/quota';

/** Counters in memory, remembering what each call was asked. */
class CountersInMemory implements QuotaCounters {
  readonly counts = new Map<string, number>();
  readonly asked: { counter: QuotaCounter; limit?: number }[] = [];

  async increment(counter: QuotaCounter, limit: number): Promise<boolean> {
    this.asked.push({ counter, limit });
    const key = `${counter.subject}/${counter.name}/${counter.window.start}`;
    const used = this.counts.get(key) ?? 0;
    if (used >= limit) return false;
    this.counts.set(key, used + 1);
    return true;
  }

  async used(counter: QuotaCounter): Promise<number> {
    this.asked.push({ counter });
    return this.counts.get(`${counter.subject}/${counter.name}/${counter.window.start}`) ?? 0;
  }
}

const DAY = 86_400;
const dreams = { name: 'dreams', limit: 2, windowSeconds: DAY };
// 23:59:30 in Shanghai: the day's window opened at 16:00 UTC the day before and has 30 s left.
const lateInTheDay = new Date('2026-12-01T15:59:30Z');
const dayStart = Date.parse('2026-11-30T16:00:00Z') / 1000;

describe('quotas over counted windows', () => {
  it('takes from the counter of the Shanghai day holding now, up to the limit', async () => {
    // Arrange
    const counters = new CountersInMemory();
    const quotas = new CountedQuotas(counters);
    // Act
    await quotas.take('u1', dreams, lateInTheDay);
    await quotas.take('u1', dreams, lateInTheDay);
    // Assert
    expect(counters.asked[0]).toEqual({ counter: { subject: 'u1', name: 'dreams', window: { start: dayStart, end: dayStart + DAY } }, limit: 2 });
    expect(counters.counts.get(`u1/dreams/${dayStart}`)).toBe(2);
  });

  it('refuses past the limit with the seconds left of the window as Retry-After', async () => {
    // Arrange
    const quotas = new CountedQuotas(new CountersInMemory());
    await quotas.take('u1', dreams, lateInTheDay);
    await quotas.take('u1', dreams, lateInTheDay);
    // Act
    const refusal = quotas.take('u1', dreams, lateInTheDay);
    // Assert
    await expect(refusal).rejects.toBeInstanceOf(RateLimitedError);
    await expect(refusal).rejects.toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfterSeconds: 30 });
  });

  it('a new day is a new counter', async () => {
    // Arrange
    const quotas = new CountedQuotas(new CountersInMemory());
    await quotas.take('u1', dreams, lateInTheDay);
    await quotas.take('u1', dreams, lateInTheDay);
    // Act / Assert: 16:00 UTC is midnight in Shanghai
    await expect(quotas.take('u1', dreams, new Date('2026-12-01T16:00:00Z'))).resolves.toBeUndefined();
  });

  it('check takes nothing, and refuses once the window is used up', async () => {
    // Arrange
    const counters = new CountersInMemory();
    const quotas = new CountedQuotas(counters);
    const failures = { name: 'failed-logins', limit: 1, windowSeconds: 60 };
    const now = new Date('2026-12-01T04:00:45Z');
    // Act / Assert
    await expect(quotas.check('ip', failures, now)).resolves.toBeUndefined();
    expect(counters.counts.size).toBe(0);
    await quotas.take('ip', failures, now);
    await expect(quotas.check('ip', failures, now)).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 15 });
  });
});
