import { NotFoundError, RuleViolation, UnauthenticatedError } from '../domain/errors';
import { claimMatches, type Roster } from '../domain/meals';
import type { Clock, UserRepository } from '../domain/ports';
import { quotaSpecs, type Quotas } from '../domain/quota';
import type { Rules } from '../shared/config';

/**
 * The sanitation-worker roster: a charity or an admin imports an employer's rows, a worker claims
 * theirs and becomes a `worker` (who may have love meals), and a revoked row takes that back.
 */
export interface RosterDeps {
  clock: Clock;
  quotas: Quotas;
  roster: Roster;
  users: Pick<UserRepository, 'findById' | 'changeRoles'>;
  config: { rules: Pick<Rules, 'quotas'> };
}

/** POST /workers/roster: a charity or an admin imports an employer's rows. */
export async function importRoster(
  deps: Pick<RosterDeps, 'roster'>,
  importerId: string,
  input: { employer: string; rows: { employeeNumber: string; name: string }[] },
) {
  return deps.roster.importRows(
    input.rows.map((row) => ({ employer: input.employer, employeeNumber: row.employeeNumber, name: row.name, importedBy: importerId, claimedBy: null })),
  );
}

/**
 * POST /me/worker: a worker claims their roster row (employer, employee number and their name must
 * match it) and becomes a `worker`. A row is claimed once; attempts are counted (a quota).
 */
export async function claimWorkerRow(deps: RosterDeps, userId: string, input: { employer: string; employeeNumber: string; name: string }) {
  await deps.quotas.take(userId, quotaSpecs(deps.config.rules.quotas).workerClaims, deps.clock.now());
  const row = await deps.roster.get(input.employer, input.employeeNumber);
  if (!claimMatches(row, input.name)) throw new RuleViolation('ROSTER_NO_MATCH', '没有找到匹配的登记信息，请核对单位、工号和姓名');
  if (!(await deps.roster.claim(row.employer, row.employeeNumber, userId))) throw new RuleViolation('ROSTER_ALREADY_CLAIMED', '这条登记信息已被认领');
  const person = await deps.users.findById(userId);
  if (!person) throw new UnauthenticatedError('登录凭证无效');
  if (person.roles.includes('worker')) return { user: { id: person.id, nickname: person.nickname, roles: person.roles } };
  const updated = await deps.users.changeRoles(person.id, person.roles, [...person.roles, 'worker'], {
    actor: { kind: 'system', id: 'worker-roster', label: `环卫工人名册 ${row.employer}` },
    reason: `认领名册 ${row.employer} ${row.employeeNumber}`,
  });
  return { user: { id: updated.id, nickname: updated.nickname, roles: updated.roles } };
}

/** POST /workers/roster/revoke: a charity or an admin revokes a row; whoever claimed it is no longer a worker. */
export async function revokeWorkerRow(deps: Pick<RosterDeps, 'roster' | 'users'>, revokerId: string, input: { employer: string; employeeNumber: string }) {
  const revoked = await deps.roster.revoke(input.employer, input.employeeNumber, revokerId);
  if (!revoked) throw new NotFoundError('没有这条登记信息');
  const holder = revoked.claimedBy ? await deps.users.findById(revoked.claimedBy) : null;
  if (holder?.roles.includes('worker')) {
    await deps.users.changeRoles(
      holder.id,
      holder.roles,
      holder.roles.filter((role) => role !== 'worker'),
      {
        actor: { kind: 'user', id: revokerId, label: '环卫工人名册' },
        reason: `名册 ${input.employer} ${input.employeeNumber} 已撤销`,
      },
    );
  }
  return { revoked: true as const, workerId: holder?.id ?? null };
}
