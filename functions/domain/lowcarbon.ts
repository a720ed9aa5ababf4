import { LOW_CARBON_ACTIONS, type LowCarbonAction } from '../contract/enums';
import { RuleViolation } from './errors';

/** 一起低碳: a merchant records a person's low-carbon action at the counter; the person earns flowers. */
export { LOW_CARBON_ACTIONS, type LowCarbonAction };

/** Signed, single-use, short-lived member codes (a QR code the person shows). */
export interface MemberCodes {
  issue(userId: string, now: Date): Promise<{ code: string; expiresAt: string }>;
  /** Forged, malformed or expired codes are one refusal: 400 INVALID_MEMBER_CODE. */
  verify(code: string, now: Date): Promise<{ userId: string; codeId: string }>;
}

export const LOW_CARBON_LABELS: Record<LowCarbonAction, string> = {
  own_cup: '自带杯',
  no_plastic_bag: '不要塑料袋',
  e_receipt: '电子小票',
  no_disposables: '不用一次性餐具',
};

export const memberCodeUsedError = () => new RuleViolation('MEMBER_CODE_USED', '这个会员码已经使用过了，请让顾客刷新');
export const dailyLimitError = () => new RuleViolation('DAILY_LIMIT_REACHED', '该用户今天的低碳小红花已达上限');

/** How many actions a day fit under the daily flower cap. */
export function actionsPerDay(flowersPerAction: number, maxFlowersPerDay: number): number {
  return Math.floor(maxFlowersPerDay / flowersPerAction);
}
