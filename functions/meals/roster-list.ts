import { UnauthenticatedError } from '../domain/errors';
import { assertRosterKeeper, type Roster } from '../domain/meals';
import type { UserRepository } from '../domain/ports';

/**
 * GET /workers/roster: the charity an employer is registered to (or an admin) reads that roster's
 * rows, claimed or not. It sees only what it imported and whether a row is claimed or revoked:
 * who claimed a row is a person's account, not the charity's data.
 */
export async function listRosterRows(
  deps: { roster: Roster; users: Pick<UserRepository, 'findById'> },
  callerId: string,
  query: { employer: string; limit: number; cursor?: string },
) {
  const person = await deps.users.findById(callerId);
  if (!person) throw new UnauthenticatedError('登录凭证无效');
  assertRosterKeeper(await deps.roster.employer(query.employer), { id: person.id, roles: person.roles });
  const found = await deps.roster.rows(query.employer, query);
  return {
    items: found.items.map((row) => ({ employeeNumber: row.employeeNumber, name: row.name, claimed: row.claimedBy !== null, revoked: row.revoked })),
    nextCursor: found.nextCursor,
  };
}
