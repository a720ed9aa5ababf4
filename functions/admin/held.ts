import type { AuditTargetType } from '../contract/enums';
import { assertNotOwnWork, auditRecord, type AuditActor } from '../domain/audit';
import type { HeldKind, HeldTextStore } from '../domain/content-safety';
import { NotFoundError } from '../domain/errors';
import type { Clock } from '../domain/ports';

export interface HeldReviewDeps {
  heldTexts: HeldTextStore;
  clock: Clock;
}

/** What the audit trail names: an answer is its question's, minutes are their assembly's. */
const AUDIT_TARGET: Record<HeldKind, AuditTargetType> = {
  dream: 'dream',
  team: 'team',
  store: 'store',
  letter: 'letter',
  distribution: 'distribution',
  assembly: 'assembly',
  question: 'question',
  answer: 'question',
  minutes: 'assembly',
};

/** GET /admin/held: the texts waiting for an admin, newest first. */
export async function heldQueue(deps: HeldReviewDeps, page: { limit: number; cursor?: string }) {
  return deps.heldTexts.list(page);
}

/**
 * POST /admin/held/{id}/review: approve lets others see the object; reject keeps it hidden for
 * good (its writer still sees it, so they know why nobody else does). Audited in the same write.
 */
export async function reviewHeld(deps: HeldReviewDeps, actor: AuditActor, heldId: string, decision: 'approve' | 'reject') {
  const held = await deps.heldTexts.get(heldId);
  if (!held) throw new NotFoundError('待审内容不存在');
  assertNotOwnWork(actor, held.writerId, '内容');
  const audit = auditRecord(deps.clock.now(), actor, {
    action: decision === 'approve' ? 'held.approve' : 'held.reject',
    targetType: AUDIT_TARGET[held.kind],
    targetId: held.targetId,
    detail: held.text.slice(0, 200),
    reason: null,
  });
  // Another admin may have settled it since the read: the queue item is gone then.
  if (!(await deps.heldTexts.settle(held, decision === 'approve', audit))) throw new NotFoundError('待审内容已被处理');
  return { held, decision };
}
