import { applyMove, emptyAccount, reconcileAccount, type LedgerEntry } from '../../functions/domain/ledger';
import { InsufficientFlowersError, ValidationError } from '../../functions/shared/errors';

const entry = (seq: number, delta: number, balanceAfter: number): LedgerEntry => ({
  id: `e${seq}`,
  userId: 'u1',
  seq,
  delta,
  reason: delta > 0 ? 'steps' : 'dream_donation',
  refId: null,
  note: null,
  balanceAfter,
  createdAt: '2026-11-25T00:00:00.000Z',
});

describe('applyMove', () => {
  it('credits count as earned and debits as given, and the version advances', () => {
    const afterCredit = applyMove(emptyAccount('u1'), 20);
    const afterDebit = applyMove(afterCredit, -8);
    expect(afterDebit).toEqual({ userId: 'u1', balance: 12, earned: 20, given: 8, version: 2 });
  });

  it('never lets a balance go negative', () => {
    expect(() => applyMove({ ...emptyAccount('u1'), balance: 5 }, -6)).toThrow(InsufficientFlowersError);
  });

  it.each([0, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2])('refuses a move of %p', (delta) => {
    expect(() => applyMove(emptyAccount('u1'), delta)).toThrow(ValidationError);
  });

  it('does not change the account it was given', () => {
    const account = emptyAccount('u1');
    applyMove(account, 3);
    expect(account.balance).toBe(0);
  });
});

describe('reconcileAccount', () => {
  it('is clean when balance, totals, running totals and sequence agree', () => {
    const account = { userId: 'u1', balance: 7, earned: 10, given: 3, version: 2 };
    expect(reconcileAccount(account, [entry(1, 10, 10), entry(2, -3, 7)])).toEqual([]);
  });

  it('reports a balance that disagrees with the ledger', () => {
    const account = { userId: 'u1', balance: 8, earned: 10, given: 3, version: 2 };
    expect(reconcileAccount(account, [entry(1, 10, 10), entry(2, -3, 7)])).toEqual([{ userId: 'u1', problem: 'balance 8 != ledger sum 7' }]);
  });

  it('reports a wrong running total, a gap in the sequence and a negative balance', () => {
    const account = { userId: 'u1', balance: -1, earned: 2, given: 3, version: 2 };
    const problems = reconcileAccount(account, [entry(1, 2, 2), entry(3, -3, 0)]).map((i) => i.problem);
    expect(problems).toEqual(['entry e3 has seq 3, expected 2', 'entry e3 says balanceAfter 0, ledger sum is -1', 'balance went negative (-1) at entry e3']);
  });
});
