import type { NotificationRepository } from '../domain/notification';
import type { Letterbox } from '../domain/letter';
import type { LedgerRepository, UserRepository } from '../domain/ports';
import { NotFoundError } from '../domain/errors';
import { profileUserView, type AvatarDeps } from './avatar';
import { flowersView, ledgerEntryView } from './views';

export interface MeDeps {
  users: UserRepository;
  ledger: LedgerRepository;
}

export async function getMyAccount(
  deps: MeDeps & AvatarDeps & { notifications: Pick<NotificationRepository, 'unreadCount'>; letterbox: Pick<Letterbox, 'unreadCount'> },
  userId: string,
) {
  const [user, account, unreadNotifications, unreadLetters] = await Promise.all([
    deps.users.findById(userId),
    deps.ledger.getAccount(userId),
    deps.notifications.unreadCount(userId),
    deps.letterbox.unreadCount(userId),
  ]);
  if (!user || !account) throw new NotFoundError('用户不存在');
  return { user: await profileUserView(deps, user), flowers: flowersView(account), unreadNotifications, unreadLetters };
}

export async function listMyLedger(deps: MeDeps, userId: string, page: { limit: number; cursor?: string }) {
  const { items, nextCursor } = await deps.ledger.listEntries(userId, page);
  return { items: items.map(ledgerEntryView), nextCursor };
}
