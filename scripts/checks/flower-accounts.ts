import { readFlowerBooks } from '../../functions/adapters/dynamodb/reconciliation';
import { reconcileAccount, type ReconciliationIssue } from '../../functions/domain/ledger';
import type { LedgerRepository, UserRepository } from '../../functions/domain/ports';
import type { Check } from './check';

export interface FlowerBooksReport {
  accounts: number;
  entries: number;
  totalBalance: number;
  totalEarned: number;
  totalGiven: number;
  issues: ReconciliationIssue[];
}

/** Every account recomputed from its ledger by the domain; clean means `issues` is empty. */
export async function reconcileAll(users: UserRepository, ledger: LedgerRepository): Promise<FlowerBooksReport> {
  const report: FlowerBooksReport = { accounts: 0, entries: 0, totalBalance: 0, totalEarned: 0, totalGiven: 0, issues: [] };
  for await (const { userId, account, entries } of readFlowerBooks(users, ledger)) {
    if (!account) {
      report.issues.push({ userId, problem: 'user has no flower account' });
      continue;
    }
    report.accounts += 1;
    report.entries += entries.length;
    report.totalBalance += account.balance;
    report.totalEarned += account.earned;
    report.totalGiven += account.given;
    report.issues.push(...reconcileAccount(account, entries));
  }
  return report;
}

export const flowerAccounts: Check = {
  name: 'flower-accounts',
  description: "every account's balance, earned and given equal the sums of its ledger entries, in sequence, never negative",
  async run(app) {
    const report = await reconcileAll(app.users, app.ledger);
    return {
      summary: `accounts ${report.accounts}, entries ${report.entries}, balance ${report.totalBalance}, earned ${report.totalEarned}, given ${report.totalGiven}`,
      problems: report.issues.map((issue) => `user ${issue.userId}: ${issue.problem}`),
    };
  },
};
