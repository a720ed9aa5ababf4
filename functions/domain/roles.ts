import { RuleViolation } from './errors';
import type { AuditActor } from './audit';
import { GRANTABLE_ROLES, type GrantableRole, type RoleAction } from '../contract/enums';
import { rolesWithDonor, type Role } from './user';

/** Everyone is a donor; these are the roles an admin (or an operator) grants and revokes. */
export { GRANTABLE_ROLES, type GrantableRole, type RoleAction };

export interface RoleChangeDecision {
  roles: Role[];
  /** False when the person already had (or lacked) the role: nothing is written, nothing audited. */
  changed: boolean;
}

/**
 * Decides a grant or revoke. An admin in the app can never revoke their own admin role, so a
 * stage cannot lose its last admin by a slip; operators at a terminal are not users and may.
 */
export function decideRoleChange(
  current: readonly Role[],
  change: { role: GrantableRole; action: RoleAction },
  actor: AuditActor,
  targetId: string,
): RoleChangeDecision {
  if (change.action === 'revoke' && change.role === 'admin' && actor.kind === 'user' && actor.id === targetId) {
    throw new RuleViolation('CANNOT_REVOKE_OWN_ADMIN', '不能撤销自己的管理员身份，请另一位管理员操作');
  }
  const has = current.includes(change.role);
  if ((change.action === 'grant') === has) return { roles: rolesWithDonor(current), changed: false };
  const next = change.action === 'grant' ? [...current, change.role] : current.filter((role) => role !== change.role);
  return { roles: rolesWithDonor(next), changed: true };
}
