import type { FlowerAccount, LedgerEntry } from '../../domain/ledger';
import type { LedgerRepository, UserRepository } from '../../domain/ports';

/** One user's flower books as stored: the account (null when there is none) and its entries, oldest first. */
export interface StoredFlowerBooks {
  userId: string;
  account: FlowerAccount | null;
  entries: LedgerEntry[];
}

/**
 * Every user's flower books, one user at a time, for the books check (`npm run reconcile`). It
 * only reads: what counts as a difference is the domain's to say (reconcileAccount).
 */
export async function* readFlowerBooks(users: UserRepository, ledger: LedgerRepository): AsyncGenerator<StoredFlowerBooks> {
  for await (const userId of users.allUserIds()) {
    const account = await ledger.getAccount(userId);
    yield { userId, account, entries: account ? await ledger.allEntries(userId) : [] };
  }
}
