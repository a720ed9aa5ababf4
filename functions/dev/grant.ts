import type { IdempotentCompletion } from '../domain/idempotency';
import { ValidationError } from '../domain/errors';
import type { LedgerRepository, MoveResult } from '../domain/ports';
import type { LedgerEntry } from '../contract/me';
import { ledgerEntryView } from '../me/views';

export interface GrantDeps {
  ledger: LedgerRepository;
  config: { rules: { devGrant: { maxFlowersPerGrant: number } } };
}

export interface GrantResult {
  entry: LedgerEntry;
  balance: number;
}

const present = (move: MoveResult): GrantResult => ({ entry: ledgerEntryView(move.entry), balance: move.account.balance });

/**
 * Test-stage-only credit, through the very same ledger move every earning uses, so tests never
 * write balances by hand. The ceiling is a rule value (config/rules.json).
 */
export async function grantFlowers(
  deps: GrantDeps,
  input: { userId: string; flowers: number },
  completion?: (present: (move: MoveResult) => GrantResult) => IdempotentCompletion<MoveResult> | undefined,
): Promise<GrantResult> {
  const max = deps.config.rules.devGrant.maxFlowersPerGrant;
  if (input.flowers > max) throw new ValidationError('请求参数不正确', [{ in: 'body', path: ['flowers'], message: `must be at most ${max}` }]);
  const move = await deps.ledger.move(
    { userId: input.userId, delta: input.flowers, reason: 'dev_grant', refId: null, note: '测试发放' },
    { completion: completion?.(present) },
  );
  return present(move);
}
