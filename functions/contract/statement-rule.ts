/**
 * How a letter's statement adds up: it opens with the last published letter's closing balance (the
 * first letter opens with the dream's matched money) and closes at opening + Σ income − Σ spend.
 * No zod and no imports: the server reconciles a statement with this function and the app's
 * composer shows the charity its figures with it, so the page never shows sums the server refuses.
 */

/** One line of a statement as far as the sums go (the contract's line item has more). */
export interface StatementLine {
  kind: 'income' | 'spend';
  amountFen: number;
}

export interface StatementTotals {
  openingFen: number;
  incomeFen: number;
  spendFen: number;
  closingFen: number;
}

/**
 * The figures a statement must carry. `previousClosingFen` is the closing balance of the dream's
 * last published letter, or null before the first one (which opens with `matchedFen`).
 */
export function statementTotals(previousClosingFen: number | null, matchedFen: number, lineItems: readonly StatementLine[]): StatementTotals {
  const openingFen = previousClosingFen ?? matchedFen;
  const incomeFen = totalOf(lineItems, 'income');
  const spendFen = totalOf(lineItems, 'spend');
  return { openingFen, incomeFen, spendFen, closingFen: openingFen + incomeFen - spendFen };
}

function totalOf(lineItems: readonly StatementLine[], kind: StatementLine['kind']): number {
  return lineItems.filter((item) => item.kind === kind).reduce((sum, item) => sum + item.amountFen, 0);
}
