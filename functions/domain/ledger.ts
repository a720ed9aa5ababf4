import { InsufficientFlowersError, ValidationError } from './errors';

/**
 * The flower ledger: every change of a balance is one entry; an account's balance is the sum of
 * its entries and each entry records the running total after it (double-entry in spirit: the
 * counter-party of a gift is the dream, of an earning the good deed that was verified).
 */
export { LEDGER_REASONS, type LedgerReason } from '../contract/enums';
import type { LedgerReason } from '../contract/enums';

export interface FlowerAccount {
  userId: string;
  balance: number;
  earned: number;
  given: number;
  /** Number of ledger entries so far; the next entry's sequence is version + 1. */
  version: number;
}

export interface LedgerEntry {
  id: string;
  userId: string;
  seq: number;
  delta: number;
  reason: LedgerReason;
  refId: string | null;
  /** What a person sees beside the entry, e.g. the dream's title. */
  note: string | null;
  balanceAfter: number;
  createdAt: string;
}

export interface MoveFlowersCommand {
  userId: string;
  delta: number;
  reason: LedgerReason;
  refId: string | null;
  note?: string | null;
}

/** The account after a move, or a domain error: never a negative balance, never a zero move. */
export function applyMove(account: FlowerAccount, delta: number): FlowerAccount {
  if (!Number.isSafeInteger(delta) || delta === 0) {
    throw new ValidationError('小红花数量必须是非零整数');
  }
  const balance = account.balance + delta;
  if (balance < 0) throw new InsufficientFlowersError();
  return {
    ...account,
    balance,
    earned: delta > 0 ? account.earned + delta : account.earned,
    given: delta < 0 ? account.given - delta : account.given,
    version: account.version + 1,
  };
}

/**
 * A move as planned from one reading of the account: the entry it writes and the account after
 * it. The entry's sequence is the new version, so two moves planned from the same reading collide.
 */
export function planMove(
  before: FlowerAccount,
  command: MoveFlowersCommand,
  entry: { id: string; createdAt: string },
): { entry: LedgerEntry; account: FlowerAccount } {
  const account = applyMove(before, command.delta);
  return {
    account,
    entry: {
      id: entry.id,
      userId: command.userId,
      seq: account.version,
      delta: command.delta,
      reason: command.reason,
      refId: command.refId,
      note: command.note ?? null,
      balanceAfter: account.balance,
      createdAt: entry.createdAt,
    },
  };
}

export function emptyAccount(userId: string): FlowerAccount {
  return { userId, balance: 0, earned: 0, given: 0, version: 0 };
}

export interface ReconciliationIssue {
  userId: string;
  problem: string;
}

/**
 * Recomputes an account from its ledger (oldest first) and lists every disagreement: the sums,
 * the running totals, gaps in the sequence and negative balances.
 */
export function reconcileAccount(account: FlowerAccount, entriesOldestFirst: readonly LedgerEntry[]): ReconciliationIssue[] {
  const issues: ReconciliationIssue[] = [];
  const report = (problem: string) => issues.push({ userId: account.userId, problem });
  let running = 0;
  let earned = 0;
  let given = 0;
  entriesOldestFirst.forEach((entry, index) => {
    if (entry.seq !== index + 1) report(`entry ${entry.id} has seq ${entry.seq}, expected ${index + 1}`);
    running += entry.delta;
    if (entry.delta > 0) earned += entry.delta;
    else given -= entry.delta;
    if (entry.balanceAfter !== running) report(`entry ${entry.id} says balanceAfter ${entry.balanceAfter}, ledger sum is ${running}`);
    if (running < 0) report(`balance went negative (${running}) at entry ${entry.id}`);
  });
  if (account.balance !== running) report(`balance ${account.balance} != ledger sum ${running}`);
  if (account.earned !== earned) report(`earned ${account.earned} != ledger credits ${earned}`);
  if (account.given !== given) report(`given ${account.given} != ledger debits ${given}`);
  if (account.version !== entriesOldestFirst.length) report(`version ${account.version} != ${entriesOldestFirst.length} entries`);
  return issues;
}
