import { ROLES, type Role } from '../contract/enums';
import { RuleViolation } from './errors';

/** Users and roles: everyone is a donor; the other roles are granted. */
export { ROLES, type Role };

export interface User {
  id: string;
  nickname: string;
  roles: Role[];
}

export interface UserRecord extends User {
  openid: string;
  createdAt: string;
  /** Set once the account is closed: its tokens are refused and its personal data is gone. */
  closedAt?: string | null;
  /** The upload id of the avatar the person chose (checked like any photo). */
  avatarUploadId?: string | null;
}

/** `donor` plus the given roles, de-duplicated and in a stable order. */
export function rolesWithDonor(extra: readonly Role[] = []): Role[] {
  const wanted = new Set<Role>(['donor', ...extra]);
  return ROLES.filter((role) => wanted.has(role));
}

/**
 * The nickname a new user gets until they set one (WeChat no longer shares real nicknames). It is
 * shown publicly (recent donors, team lists), so it is built from a random draw, never from the
 * openid: `draw` is any whole number, of which the last four digits are used.
 */
export function defaultNickname(draw: number): string {
  const digits = String(Math.abs(Math.trunc(draw)) % 10_000).padStart(4, '0');
  return `爱心用户${digits}`;
}

/** What a closed account is called wherever its past gifts still show (donor and team lists). */
export const CLOSED_ACCOUNT_NICKNAME = '已注销用户';

export function isClosed(user: Pick<UserRecord, 'closedAt'>): boolean {
  return typeof user.closedAt === 'string';
}

/** What keeps an account open: duties towards others that closing it would abandon. */
export interface AccountDuties {
  activeStoreIds: string[];
  adoptedDreamIds: string[];
}

/** 409 ACCOUNT_HAS_DUTIES while the person runs an active store or is the charity of an adopted dream. */
export function ensureNoDuties(duties: AccountDuties): void {
  if (duties.activeStoreIds.length === 0 && duties.adoptedDreamIds.length === 0) return;
  throw new RuleViolation('ACCOUNT_HAS_DUTIES', '你还有正在营业的门店或已认领的梦想，请先交接后再注销', {
    activeStores: duties.activeStoreIds,
    adoptedDreams: duties.adoptedDreamIds,
  });
}

/**
 * Everything kept about one person, grouped as the export shows it. Each record is as stored,
 * minus the table's keys; the use case adds the person and their flowers.
 */
export type PersonalRecords = Record<string, Record<string, unknown>[]>;

/** Writes what a person sets on their own profile. */
export interface ProfileWriter {
  /**
   * Sets the nickname, and the avatar when one is given (one left out stays as it was). The
   * profile after the change; null when there is no such (open) account.
   */
  setProfile(userId: string, profile: { nickname: string; avatarUploadId?: string }): Promise<UserRecord | null>;
}

/** Reads and erases a person's data for the export and for closing an account. */
export interface AccountClosingPort {
  duties(userId: string): Promise<AccountDuties>;
  /** Records kept about the person, by kind (ledger and profile excluded: the use case reads those). */
  personalRecords(userId: string): Promise<PersonalRecords>;
  /**
   * Erases the person's data (openid mapping, nickname, session key, subscriptions, notifications,
   * letterbox) and marks the profile closed; the flower account and its ledger stay for the books.
   * `nickname` replaces the person's name wherever their gifts still show.
   */
  close(user: UserRecord, closing: { at: string; nickname: string }): Promise<void>;
}

export function publicUser(user: User): User {
  return { id: user.id, nickname: user.nickname, roles: [...user.roles] };
}
