import { ulid } from 'ulid';
import { ContentionError, NotFoundError } from './errors';
import { planMove, type FlowerAccount, type LedgerEntry, type MoveFlowersCommand } from './ledger';
import type { Clock, LedgerRepository, LedgerStore, MoveOptions, MoveResult, Page, PageRequest, PlannedMove } from './ports';

/** Raised when a request lost its idempotency claim mid-flight (its lease was taken over): a 5xx, retried by the client. */
export class IdempotencyClaimLostError extends Error {}

/** How many accounts a warm function remembers after moving them. */
const KNOWN_ACCOUNTS_MAX = 2_000;

export interface LedgerMoveOptions {
  maxAttempts: number;
  clock: Clock;
  /** The pause before another attempt after a lost race, injectable so tests do not wait. */
  pause?: (ms: number) => Promise<void>;
  newEntryId?: () => string;
}

/**
 * The flower ledger as use cases move it: each move is planned here (planMove: never a negative
 * balance, never a zero move) and committed by the store in one transaction guarded by the
 * account as read. A lost race plans again from a fresh read, so balanceAfter stays exact.
 */
export class LedgerMoves implements LedgerRepository {
  /**
   * Each account as this process last wrote it. A move's first attempt plans from it instead of
   * reading: the store's version condition rejects a stale copy (another process moved the
   * account), and the retry reads consistently. A refusal (too few flowers) is only ever decided
   * on a fresh read. Kept in insertion order, so the oldest is dropped first.
   */
  private knownAccounts = new Map<string, FlowerAccount>();
  /**
   * The tail of each account's queue of moves in this process. Moves of one account run one after
   * another here, each planned from the account the previous one wrote, so they do not race one
   * another's version condition (n concurrent moves would otherwise cost about n²/2 attempts).
   * Moves from other processes still race, and the condition still decides.
   */
  private accountQueues = new Map<string, Promise<unknown>>();
  private readonly pause: (ms: number) => Promise<void>;
  private readonly newEntryId: () => string;

  constructor(
    private readonly store: LedgerStore,
    private readonly options: LedgerMoveOptions,
  ) {
    this.pause = options.pause ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.newEntryId = options.newEntryId ?? ulid;
  }

  getAccount(userId: string): Promise<FlowerAccount | null> {
    return this.store.getAccount(userId);
  }

  listEntries(userId: string, page: PageRequest): Promise<Page<LedgerEntry>> {
    return this.store.listEntries(userId, page);
  }

  allEntries(userId: string): Promise<LedgerEntry[]> {
    return this.store.allEntries(userId);
  }

  async move(command: MoveFlowersCommand, options: MoveOptions = {}): Promise<MoveResult> {
    // A debit the account cannot cover, on a fresh read, is refused at once, without queueing
    // behind the moves it could never follow.
    const queued = this.accountQueues.has(command.userId);
    if (command.delta < 0 && (queued || (this.knownAccounts.get(command.userId)?.balance ?? Infinity) < -command.delta)) {
      const fresh = await this.store.getAccount(command.userId);
      if (fresh) this.plan(fresh, command);
    }
    const previous = this.accountQueues.get(command.userId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.moveNow(command, options));
    this.accountQueues.set(command.userId, run);
    try {
      return await run;
    } finally {
      if (this.accountQueues.get(command.userId) === run) this.accountQueues.delete(command.userId);
    }
  }

  private async moveNow(command: MoveFlowersCommand, options: MoveOptions): Promise<MoveResult> {
    const guards = options.guards ?? [];
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt++) {
      const move = await this.planFrom(command, attempt === 1 ? this.knownAccounts.get(command.userId) : undefined);
      const extras = options.alsoWrite ? await options.alsoWrite() : [];
      let outcome;
      try {
        outcome = await this.store.commit(move, { guards, completion: options.completion, extras });
      } catch (err) {
        this.knownAccounts.delete(command.userId);
        throw err;
      }
      if (outcome.kind === 'committed') {
        if (options.completion) options.completion.stored = true;
        this.remember(move.account);
        return { entry: move.entry, account: move.account };
      }
      this.knownAccounts.delete(command.userId);
      if (outcome.kind === 'guard') throw guards[outcome.index].onConflict();
      if (outcome.kind === 'claimLost') throw new IdempotencyClaimLostError('idempotency claim lost');
      await this.pause(Math.random() * Math.min(40, 2 * attempt));
    }
    throw new ContentionError();
  }

  private remember(account: FlowerAccount): void {
    this.knownAccounts.delete(account.userId);
    this.knownAccounts.set(account.userId, account);
    if (this.knownAccounts.size > KNOWN_ACCOUNTS_MAX) this.knownAccounts.delete(this.knownAccounts.keys().next().value!);
  }

  /** Plans from the remembered account when there is one and it allows the move, else from a consistent read. */
  private async planFrom(command: MoveFlowersCommand, remembered: FlowerAccount | undefined): Promise<PlannedMove> {
    if (remembered) {
      try {
        return { before: remembered, ...this.plan(remembered, command) };
      } catch {
        // perhaps only stale: a refusal is decided on a fresh read
      }
    }
    const current = await this.store.getAccount(command.userId);
    if (!current) throw new NotFoundError('小红花账户不存在');
    return { before: current, ...this.plan(current, command) };
  }

  private plan(current: FlowerAccount, command: MoveFlowersCommand): MoveResult {
    return planMove(current, command, { id: this.newEntryId(), createdAt: this.options.clock.now().toISOString() });
  }
}
