import type { UserRepository } from '../domain/ports';
import type { Viewer } from './distributions';

/** Who is looking (an admin sees names in full); null for an anonymous reader. */
export async function viewerOf(deps: { users: Pick<UserRepository, 'findById'> }, userId: string | null): Promise<Viewer | null> {
  if (!userId) return null;
  const user = await deps.users.findById(userId);
  return { userId, isAdmin: Boolean(user?.roles.includes('admin')) };
}
