import type { IdempotentCompletion } from '../domain/idempotency';
import type { LedgerRepository, MoveResult } from '../domain/ports';

/**
 * Test-stage-only credit, through the very same ledger move every earning uses, so tests never
 * write balances by hand.
 */
export async function grantFlowers(
  deps: { ledger: LedgerRepository },
  input: { userId: string; flowers: number },
  completion?: IdempotentCompletion<MoveResult>,
): Promise<MoveResult> {
  return deps.ledger.move({ userId: input.userId, delta: input.flowers, reason: 'dev_grant', refId: null, note: '测试发放' }, { completion });
}
