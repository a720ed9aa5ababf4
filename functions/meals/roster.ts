import { auditRecord, type AuditActor } from '../domain/audit';
import { NotFoundError, RuleViolation, UnauthenticatedError } from '../domain/errors';
import { assertMayClaim, assertRosterKeeper, claimMatches, employerRegistration, type EmployerRecord, type Roster } from '../domain/meals';
import type { Clock, UserRepository } from '../domain/ports';
import { quotaSpecs, type Quotas } from '../domain/quota';
import type { Rules } from '../shared/config';

/**
 * The sanitation-worker roster: an admin registers an employer to one charity; that charity (or an
 * admin) imports the employer's rows and revokes them; a worker claims theirs and becomes a
 * `worker` (who may have love meals), and a revoked row takes that back. Every change is audited.
 */
export interface RosterDeps {
  clock: Clock;
  quotas: Quotas;
  roster: Roster;
  users: Pick<UserRepository, 'findById' | 'changeRoles'>;
  config: { rules: Pick<Rules, 'quotas'> };
}

/** The caller as the roster's rules see them (their roles read now), and as its audit entries name them. */
async function rosterCaller(deps: Pick<RosterDeps, 'users'>, userId: string) {
  const person = await deps.users.findById(userId);
  if (!person) throw new UnauthenticatedError('登录凭证无效');
  const actor: AuditActor = { kind: 'user', id: person.id, label: person.nickname };
  return { person, actor, caller: { id: person.id, roles: person.roles } };
}

/** POST /workers/roster: the employer's charity (or an admin) imports its rows. */
export async function importRoster(
  deps: Pick<RosterDeps, 'clock' | 'roster' | 'users'>,
  importerId: string,
  input: { employer: string; rows: { employeeNumber: string; name: string }[] },
) {
  const { actor, caller } = await rosterCaller(deps, importerId);
  assertRosterKeeper(await deps.roster.employer(input.employer), caller);
  return deps.roster.importRows(
    input.rows.map((row) => ({ employer: input.employer, employeeNumber: row.employeeNumber, name: row.name, importedBy: importerId, claimedBy: null })),
    auditRecord(deps.clock.now(), actor, { action: 'roster.import', targetType: 'employer', targetId: input.employer, detail: input.employer, reason: null }),
  );
}

/**
 * POST /me/worker: a worker claims their roster row (employer, employee number and their name must
 * match it) and becomes a `worker`. A row is claimed once; attempts are counted (a quota). Whoever
 * keeps rosters (the charity role, or the row's importer) cannot claim one.
 */
export async function claimWorkerRow(deps: RosterDeps, userId: string, input: { employer: string; employeeNumber: string; name: string }) {
  await deps.quotas.take(userId, quotaSpecs(deps.config.rules.quotas).workerClaims, deps.clock.now());
  const { person, actor, caller } = await rosterCaller(deps, userId);
  const row = await deps.roster.get(input.employer, input.employeeNumber);
  // 403 before the row's 409s: a keeper of rosters is refused whatever row it names.
  assertMayClaim(row, caller);
  if (!claimMatches(row, input.name)) throw new RuleViolation('ROSTER_NO_MATCH', '没有找到匹配的登记信息，请核对单位、工号和姓名');
  const audit = auditRecord(deps.clock.now(), actor, {
    action: 'roster.claim',
    targetType: 'employer',
    targetId: row.employer,
    detail: `${row.employeeNumber} → ${person.id}`,
    reason: null,
  });
  if (!(await deps.roster.claim(row.employer, row.employeeNumber, userId, audit))) throw new RuleViolation('ROSTER_ALREADY_CLAIMED', '这条登记信息已被认领');
  if (person.roles.includes('worker')) return { user: { id: person.id, nickname: person.nickname, roles: person.roles } };
  const updated = await deps.users.changeRoles(person.id, person.roles, [...person.roles, 'worker'], {
    actor: { kind: 'system', id: 'worker-roster', label: `环卫工人名册 ${row.employer}` },
    reason: `认领名册 ${row.employer} ${row.employeeNumber}`,
  });
  return { user: { id: updated.id, nickname: updated.nickname, roles: updated.roles } };
}

/** POST /workers/roster/revoke: the employer's charity (or an admin) revokes a row; whoever claimed it is no longer a worker. */
export async function revokeWorkerRow(
  deps: Pick<RosterDeps, 'clock' | 'roster' | 'users'>,
  revokerId: string,
  input: { employer: string; employeeNumber: string },
) {
  const { actor, caller } = await rosterCaller(deps, revokerId);
  assertRosterKeeper(await deps.roster.employer(input.employer), caller);
  const audit = auditRecord(deps.clock.now(), actor, {
    action: 'roster.revoke',
    targetType: 'employer',
    targetId: input.employer,
    detail: input.employeeNumber,
    reason: null,
  });
  const revoked = await deps.roster.revoke(input.employer, input.employeeNumber, revokerId, audit);
  if (!revoked) throw new NotFoundError('没有这条登记信息');
  const holder = revoked.claimedBy ? await deps.users.findById(revoked.claimedBy) : null;
  if (holder?.roles.includes('worker')) {
    await deps.users.changeRoles(
      holder.id,
      holder.roles,
      holder.roles.filter((role) => role !== 'worker'),
      {
        actor,
        reason: `名册 ${input.employer} ${input.employeeNumber} 已撤销`,
      },
    );
  }
  return { revoked: true as const, workerId: holder?.id ?? null };
}

function employerView(employer: EmployerRecord) {
  return { name: employer.name, charityId: employer.charityId, registeredAt: employer.registeredAt };
}

/** POST /admin/employers: an admin registers an employer to one charity (audited); the same again changes nothing. */
export async function registerEmployer(
  deps: Pick<RosterDeps, 'clock' | 'roster' | 'users'>,
  actor: AuditActor,
  input: { employer: string; charityId: string },
) {
  const charity = await deps.users.findById(input.charityId);
  if (!charity) throw new NotFoundError('没有找到这个公益机构账号');
  if (!charity.roles.includes('charity')) throw new RuleViolation('NOT_A_CHARITY', '这个账号不是公益机构');
  const taken = () => new RuleViolation('EMPLOYER_REGISTERED', '这个环卫单位已登记在其他公益机构名下');
  const existing = await deps.roster.employer(input.employer);
  const registration = employerRegistration(existing, charity.id);
  if (registration === 'taken') throw taken();
  if (registration === 'same') return { employer: employerView(existing!) };
  const now = deps.clock.now();
  const employer: EmployerRecord = { name: input.employer, charityId: charity.id, registeredBy: actor.id, registeredAt: now.toISOString() };
  const audit = auditRecord(now, actor, {
    action: 'employer.register',
    targetType: 'employer',
    targetId: input.employer,
    detail: `${input.employer} → ${charity.nickname}`,
    reason: null,
  });
  if (await deps.roster.registerEmployer(employer, audit)) return { employer: employerView(employer) };
  // Another admin registered it in between: theirs stands.
  const winner = await deps.roster.employer(input.employer);
  if (winner && employerRegistration(winner, charity.id) === 'same') return { employer: employerView(winner) };
  throw taken();
}

/** GET /admin/employers: every registered employer, newest first. */
export async function listEmployers(deps: Pick<RosterDeps, 'roster'>, page: { limit: number; cursor?: string }) {
  const found = await deps.roster.employers({}, page);
  return { items: found.items.map(employerView), nextCursor: found.nextCursor };
}

/** GET /workers/employers: the employers whose rosters the caller keeps: a charity's own, or (an admin who is not a charity) every one. */
export async function myEmployers(deps: Pick<RosterDeps, 'roster' | 'users'>, userId: string, page: { limit: number; cursor?: string }) {
  const { caller } = await rosterCaller(deps, userId);
  const filter = caller.roles.includes('charity') ? { charityId: userId } : {};
  const found = await deps.roster.employers(filter, page);
  return { items: found.items.map(employerView), nextCursor: found.nextCursor };
}
