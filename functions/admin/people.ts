import type { AuditActor, AuditTrail } from '../domain/audit';
import type { UserRepository } from '../domain/ports';
import { decideRoleChange, type GrantableRole, type RoleAction } from '../domain/roles';
import type { UserRecord } from '../domain/user';
import { NotFoundError } from '../domain/errors';

export interface PeopleDeps {
  users: UserRepository;
}

/** What an admin sees of a person: their openid too, since that is how operators name people. */
export function personView(user: UserRecord) {
  return { id: user.id, nickname: user.nickname, roles: [...user.roles], openid: user.openid, createdAt: user.createdAt };
}

/** The actor of an admin acting in the app, as the audit trail names them. */
export async function adminActor(deps: { users: Pick<UserRepository, 'findById'> }, adminId: string): Promise<AuditActor> {
  const admin = await deps.users.findById(adminId);
  return { kind: 'user', id: adminId, label: admin?.nickname ?? adminId };
}

/** GET /admin/users: one person, by openid or user id. */
export async function findPerson(deps: PeopleDeps, lookup: { openid?: string; userId?: string }) {
  const user = lookup.userId ? await deps.users.findById(lookup.userId) : await deps.users.findByOpenid(lookup.openid!);
  if (!user) throw new NotFoundError('没有找到这个人');
  return { user: personView(user) };
}

/**
 * Grants or revokes one role, audited in the same write. Used by the admin console and by the
 * operator's terminal (`npm run roles`), so both follow the same rules.
 */
export async function changeRole(
  deps: PeopleDeps,
  actor: AuditActor,
  targetId: string,
  change: { role: GrantableRole; action: RoleAction; reason?: string | null },
) {
  const person = await deps.users.findById(targetId);
  if (!person) throw new NotFoundError('没有找到这个人');
  const decision = decideRoleChange(person.roles, change, actor, person.id);
  if (!decision.changed) return { user: personView(person), changed: false };
  const updated = await deps.users.changeRoles(person.id, person.roles, decision.roles, { actor, reason: change.reason ?? null });
  return { user: personView(updated), changed: true };
}

/**
 * GET /admin/audit: the trail newest first, or one target's, or one person's. A person's entries are
 * those naming them as their target (their role changes), read through the same per-target index,
 * so asking for one person never reads anyone else's entries.
 */
export async function listAudit(deps: { audit: AuditTrail }, filter: { targetId?: string; personId?: string }, page: { limit: number; cursor?: string }) {
  const targetId = filter.personId ?? filter.targetId;
  return deps.audit.list(targetId ? { targetId } : {}, page);
}
