import { InsufficientFlowersError, RuleViolation } from '../../functions/domain/errors';
import type { FlowerAccount } from '../../functions/domain/ledger';
import { IdempotencyClaimLostError, LedgerMoves } from '../../functions/domain/ledger-moves';
import type { LedgerStore, MoveCommit, PlannedMove } from '../../functions/domain/ports';
import { PinnedClock } from '../support/clock';

/** A store whose account another process may move between our read and our commit. */
class FakeStore implements Pick<LedgerStore, 'getAccount' | 'commit'> {
  readonly commits: PlannedMove[] = [];
  readonly reads: number[] = [];
  constructor(
    public account: FlowerAccount,
    private answers: MoveCommit[] = [],
  ) {}
  async getAccount() {
    this.reads.push(this.account.version);
    return this.account;
  }
  async commit(move: PlannedMove): Promise<MoveCommit> {
    this.commits.push(move);
    const answer = this.answers.shift() ?? (move.before.version === this.account.version ? { kind: 'committed' } : { kind: 'stale' });
    if (answer.kind === 'committed') this.account = move.account;
    return answer;
  }
}

const account = (balance: number, version: number): FlowerAccount => ({ userId: 'u1', balance, earned: balance, given: 0, version });
const ledgerOn = (store: FakeStore) =>
  new LedgerMoves(store as unknown as LedgerStore, { maxAttempts: 3, clock: new PinnedClock(new Date('2026-12-01T04:00:00Z')), pause: async () => undefined });

describe('the ledger plans each move and the store commits it', () => {
  it('a lost race plans again from a fresh read, so the entry after it is exact', async () => {
    // Arrange: this process remembers balance 15 at version 2; another process has since made it 30 at version 3.
    const store = new FakeStore(account(10, 1));
    const ledger = ledgerOn(store);
    await ledger.move({ userId: 'u1', delta: 5, reason: 'quiz', refId: 'q1' });
    store.account = account(30, 3);

    // Act
    const result = await ledger.move({ userId: 'u1', delta: -4, reason: 'dream_donation', refId: 'd1' });

    // Assert: the first attempt used the remembered account, the second the fresh one.
    expect(store.commits.slice(1).map((c) => c.before.version)).toEqual([2, 3]);
    expect(result).toMatchObject({ account: { balance: 26, version: 4 }, entry: { seq: 4, balanceAfter: 26, delta: -4 } });
  });

  it('a debit the fresh account cannot cover is refused without a write', async () => {
    const store = new FakeStore(account(3, 1));
    await expect(ledgerOn(store).move({ userId: 'u1', delta: -4, reason: 'dream_donation', refId: 'd1' })).rejects.toBeInstanceOf(InsufficientFlowersError);
    expect(store.commits).toEqual([]);
  });

  it("a guard's marker already there is the guard's own refusal; a lost claim is no retry", async () => {
    const refused = new RuleViolation('ALREADY', 'already');
    const guarded = ledgerOn(new FakeStore(account(0, 0), [{ kind: 'guard', index: 0 }]));
    await expect(
      guarded.move({ userId: 'u1', delta: 1, reason: 'steps', refId: 'day' }, { guards: [{ markerId: 'm', onConflict: () => refused }] }),
    ).rejects.toBe(refused);
    const claimed = ledgerOn(new FakeStore(account(0, 0), [{ kind: 'claimLost' }]));
    await expect(claimed.move({ userId: 'u1', delta: 1, reason: 'steps', refId: 'day' })).rejects.toBeInstanceOf(IdempotencyClaimLostError);
  });
});
