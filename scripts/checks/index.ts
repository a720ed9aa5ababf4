import type { Check } from './check';
import { flowerAccounts } from './flower-accounts';
import { loveMealMoney } from './love-meal-money';
import { sponsorBudgets } from './sponsor-budgets';

/** Every check `npm run reconcile` runs, in this order. */
export const CHECKS: readonly Check[] = [flowerAccounts, sponsorBudgets, loveMealMoney];

export type { Check, CheckOutcome } from './check';
export { runChecks } from './run-checks';
