import type { FlowerAccount, LedgerEntry } from '../domain/ledger';

/** The ledger entry as the contract shows it (plus `note`, the title a person sees beside it). */
export function ledgerEntryView(entry: LedgerEntry) {
  return {
    id: entry.id,
    delta: entry.delta,
    reason: entry.reason,
    refId: entry.refId,
    note: entry.note,
    balanceAfter: entry.balanceAfter,
    createdAt: entry.createdAt,
  };
}

export function flowersView(account: FlowerAccount) {
  return { balance: account.balance, earned: account.earned, given: account.given };
}
