import { ROLES, type Role } from '../contract/enums';

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
}

/** `donor` plus the given roles, de-duplicated and in a stable order. */
export function rolesWithDonor(extra: readonly Role[] = []): Role[] {
  const wanted = new Set<Role>(['donor', ...extra]);
  return ROLES.filter((role) => wanted.has(role));
}

/** The nickname a new WeChat user gets until they set one (WeChat no longer shares real nicknames). */
export function defaultNickname(openid: string): string {
  return `爱心用户${openid.slice(-4)}`;
}

export function publicUser(user: User): User {
  return { id: user.id, nickname: user.nickname, roles: [...user.roles] };
}
