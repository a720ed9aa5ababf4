import { readMealBooks } from '../../functions/adapters/dynamodb/meal-books';
import { reconcileMealBooks } from '../../functions/domain/meal-books';
import type { Check } from './check';

export const loveMealMoney: Check = {
  name: 'love-meal-money',
  description: 'per store, paid + moved in = funded + owed + refunded + moved out, entry by entry; payouts within what is owed; no refund left failed',
  async run(app) {
    const books = reconcileMealBooks(await readMealBooks(app.table));
    return {
      summary: `stores ${books.stores}, paid donations ${books.donations}, in ${books.inFen} fen = funded ${books.fundedFen} + owed ${books.owedFen} + refunded ${books.refundedFen} (+ moved); paid out ${books.paidOutFen}`,
      problems: books.issues,
    };
  },
};
