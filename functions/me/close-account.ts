import type { Clock, LedgerRepository, UserRepository } from '../domain/ports';
import { CLOSED_ACCOUNT_NICKNAME, ensureNoDuties, isClosed, type AccountClosingPort } from '../domain/user';
import { NotFoundError } from '../domain/errors';

export interface CloseAccountDeps {
  users: Pick<UserRepository, 'findById'>;
  ledger: Pick<LedgerRepository, 'getAccount' | 'move'>;
  accountClosing: AccountClosingPort;
  clock: Clock;
}

/**
 * DELETE /me: refused while the person has duties towards others; else the balance is forfeited
 * through a ledger entry (the books still add up), then their personal data is erased and the
 * account closed, so its tokens are refused. What they gave stays given: dream totals and donor
 * counts are not touched.
 */
export async function closeAccount(deps: CloseAccountDeps, userId: string): Promise<void> {
  const user = await deps.users.findById(userId);
  if (!user || isClosed(user)) throw new NotFoundError('用户不存在');
  ensureNoDuties(await deps.accountClosing.duties(userId));
  const account = await deps.ledger.getAccount(userId);
  if (account && account.balance > 0) {
    await deps.ledger.move({ userId, delta: -account.balance, reason: 'account_closed', refId: null, note: '注销账号，余额作废' });
  }
  await deps.accountClosing.close(user, { at: deps.clock.now().toISOString(), nickname: CLOSED_ACCOUNT_NICKNAME });
}
