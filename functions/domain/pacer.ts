/**
 * Spaces calls at most `perSecond` a second in one process (a token bucket of one): WeChat's send
 * API has daily and burst limits, and a fan-out would otherwise send as fast as the table reads.
 * The clock and the wait are injected so the rule is tested without time passing.
 */
export class Pacer {
  private nextAt = 0;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
    private readonly wait: (ms: number) => Promise<void> = (ms) => new Promise((done) => setTimeout(done, ms)),
  ) {}

  /** Resolves when this call's slot has come; slots are 1000/perSecond ms apart. */
  async take(): Promise<void> {
    const now = this.now();
    const slot = Math.max(now, this.nextAt);
    this.nextAt = slot + 1000 / this.perSecond;
    if (slot > now) await this.wait(slot - now);
  }
}
