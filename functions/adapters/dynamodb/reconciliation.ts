import { reconcileAccount, type ReconciliationIssue } from '../../domain/ledger';
import type { LedgerRepository, UserRepository } from '../../domain/ports';

export interface ReconciliationReport {
  accounts: number;
  entries: number;
  totalBalance: number;
  totalEarned: number;
  totalGiven: number;
  issues: ReconciliationIssue[];
}

/**
 * Recomputes every balance from its ledger and reports every difference (in the spirit of Open
 * Collective's transaction checks). Clean means `issues` is empty.
 */
export async function reconcileAll(users: UserRepository, ledger: LedgerRepository): Promise<ReconciliationReport> {
  const report: ReconciliationReport = { accounts: 0, entries: 0, totalBalance: 0, totalEarned: 0, totalGiven: 0, issues: [] };
  for await (const userId of users.allUserIds()) {
    const account = await ledger.getAccount(userId);
    if (!account) {
      report.issues.push({ userId, problem: 'user has no flower account' });
      continue;
    }
    const entries = await ledger.allEntries(userId);
    report.accounts += 1;
    report.entries += entries.length;
    report.totalBalance += account.balance;
    report.totalEarned += account.earned;
    report.totalGiven += account.given;
    report.issues.push(...reconcileAccount(account, entries));
  }
  return report;
}
