import { ulid } from 'ulid';
import { dayOf } from '../domain/calendar';
import type { IdempotentCompletion } from '../domain/idempotency';
import type { LowCarbonActionView, LowCarbonInput } from '../contract/earning';
import { ForbiddenError } from '../domain/errors';
import { actionsPerDay, dailyLimitError, LOW_CARBON_LABELS, memberCodeUsedError, type MemberCodes } from '../domain/lowcarbon';
import type { Clock, LedgerRepository, MoveResult } from '../domain/ports';
import type { StoreRepository } from '../domain/store';
import type { AppConfig } from '../shared/config';

export interface LowCarbonDeps {
  config: AppConfig;
  clock: Clock;
  memberCodes: MemberCodes;
  stores: StoreRepository;
  ledger: LedgerRepository;
}

export async function issueMemberCode(deps: LowCarbonDeps, userId: string) {
  return deps.memberCodes.issue(userId, deps.clock.now());
}

export interface LowCarbonResult {
  action: LowCarbonActionView;
}

/**
 * A merchant with an active store records one action for the person whose member code it scanned.
 * The code's id, the person's daily counter and the flowers are written in one transaction.
 */
export async function recordLowCarbonAction(
  deps: LowCarbonDeps,
  merchantId: string,
  input: LowCarbonInput,
  completion?: (present: (move: MoveResult) => LowCarbonResult) => IdempotentCompletion<MoveResult> | undefined,
): Promise<LowCarbonResult> {
  const now = deps.clock.now();
  const { userId, codeId } = await deps.memberCodes.verify(input.code, now);
  // No self-dealing: a merchant never earns flowers at their own counter.
  if (userId === merchantId) throw new ForbiddenError('不能给自己记录低碳行动');
  const store = (await deps.stores.listByOwner(merchantId)).items.find((s) => s.status === 'active');
  if (!store) throw new ForbiddenError('你还没有营业中的门店，不能记录低碳行动');
  const rules = deps.config.rules.lowcarbon;
  const day = dayOf(now, deps.config.rules.timezone);
  const actionId = ulid();
  const present = (move: MoveResult): LowCarbonResult => ({
    action: { id: actionId, action: input.action, storeId: store.id, storeName: store.name, flowers: rules.flowersPerAction, createdAt: move.entry.createdAt },
  });
  const move = await deps.ledger.move(
    { userId, delta: rules.flowersPerAction, reason: 'lowcarbon', refId: actionId, note: `${LOW_CARBON_LABELS[input.action]} · ${store.name}` },
    {
      guards: [
        { markerId: `membercode#${codeId}`, onConflict: memberCodeUsedError, attributes: { storeId: store.id, merchantId } },
        { markerId: `lowcarbon#${day}`, limit: actionsPerDay(rules.flowersPerAction, rules.maxFlowersPerDay), onConflict: dailyLimitError },
      ],
      completion: completion?.(present),
      alsoWrite: async () => [
        deps.stores.lowCarbonActionWrite(store.id, {
          id: actionId,
          action: input.action,
          userId,
          flowers: rules.flowersPerAction,
          createdAt: now.toISOString(),
        }),
      ],
    },
  );
  return present(move);
}
