import { ForbiddenError } from './errors';
import { ulid } from 'ulid';

/**
 * The audit trail: who did what to whom, when and why. An entry is written in the same
 * transaction as the change it records, so the trail can never miss or invent a change.
 */
export type AuditActor =
  /** A signed-in admin, acting in the app. */
  | { kind: 'user'; id: string; label: string }
  /** Someone at a terminal with the stage's AWS credentials (`npm run roles`). */
  | { kind: 'operator'; id: string; label: string }
  /** The local/test dev sign-in and the demo seed. */
  | { kind: 'system'; id: string; label: string };

export type { AuditAction, AuditTargetType } from '../contract/enums';
import type { AuditAction, AuditTargetType } from '../contract/enums';

export interface AuditRecord {
  id: string;
  at: string;
  actor: AuditActor;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  /** What changed, in words a reviewer reads (e.g. "charity", the store's name). */
  detail: string;
  reason: string | null;
}

export interface AuditTrail {
  list(filter: { targetId?: string }, page: { limit: number; cursor?: string }): Promise<{ items: AuditRecord[]; nextCursor: string | null }>;
}

/** A new entry for a change happening now, by `actor`. */
export function auditRecord(at: Date, actor: AuditActor, what: Omit<AuditRecord, 'id' | 'at' | 'actor'>): AuditRecord {
  return { id: ulid(), at: at.toISOString(), actor, ...what };
}

/**
 * The four-eyes rule (Open Collective's EXPENSE_AUTHOR_CANNOT_APPROVE): nobody reviews what they
 * proposed, wrote or own. Operators and the system act for no one, so the rule is the app's admins'.
 */
export function assertNotOwnWork(actor: AuditActor, authorId: string, what: string): void {
  if (actor.kind === 'user' && actor.id === authorId) throw new ForbiddenError(`不能审核自己提交的${what}，请让另一位管理员审核`);
}
