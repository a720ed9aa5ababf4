import type { MyDataExport } from '../contract/me';
import type { Clock, LedgerRepository, UserRepository } from '../domain/ports';
import type { AccountClosingPort } from '../domain/user';
import { NotFoundError } from '../domain/errors';
import { flowersView, ledgerEntryView } from './views';

export interface ExportDeps {
  users: Pick<UserRepository, 'findById'>;
  ledger: Pick<LedgerRepository, 'getAccount' | 'allEntries'>;
  accountClosing: Pick<AccountClosingPort, 'personalRecords'>;
  clock: Clock;
}

/** The kinds the export always shows, empty or not; anything else kept shows under its own key. */
const ALWAYS_SHOWN = ['donations', 'dreams', 'teams', 'meals', 'letters', 'notifications'] as const;

/** GET /me/export: everything kept about the person, every ledger entry included. */
export async function exportMyData(deps: ExportDeps, userId: string): Promise<MyDataExport> {
  const [user, account, entries, records] = await Promise.all([
    deps.users.findById(userId),
    deps.ledger.getAccount(userId),
    deps.ledger.allEntries(userId),
    deps.accountClosing.personalRecords(userId),
  ]);
  if (!user || !account) throw new NotFoundError('用户不存在');
  const shown = Object.fromEntries(ALWAYS_SHOWN.map((kind) => [kind, records[kind] ?? []]));
  return {
    ...records,
    ...shown,
    user: {
      id: user.id,
      nickname: user.nickname,
      roles: [...user.roles],
      openid: user.openid,
      createdAt: user.createdAt,
      avatarUploadId: user.avatarUploadId ?? null,
    },
    flowers: flowersView(account),
    // Oldest first, as the books read.
    ledger: entries.map(ledgerEntryView),
    exportedAt: deps.clock.now().toISOString(),
  } as MyDataExport;
}
