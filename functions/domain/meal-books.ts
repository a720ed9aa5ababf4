/**
 * The love-meal money books, checked the way Open Collective checks its ledger: every
 * balance is recomputed from the entries that moved it, and every difference is reported. Money
 * comes in as paid donations, and leaves a store's funded meals only as an entry: a redemption
 * (owed to the store), a refund (back to the donor) or a move (to another store); payouts never
 * exceed what a store is owed.
 */

export interface BooksDonation {
  id: string;
  storeId: string;
  status: string;
  meals: number;
  amountFen: number;
  refundedMeals: number;
  refundedFen: number;
}

export interface BooksStoreFunds {
  storeId: string;
  meals: number;
  fundedFen: number;
  served: number;
  owedFen: number;
  refundedFen: number;
  movedOutFen: number;
  movedInFen: number;
  paidOutFen: number;
}

export interface MealBooks {
  donations: BooksDonation[];
  /** Summed over each store's fund shards and its payouts account. */
  funds: BooksStoreFunds[];
  lots: { storeId: string; donationId: string; remaining: number; priceFen: number }[];
  redemptions: { storeId: string; donationId: string; priceFen: number }[];
  refunds: { id: string; storeId: string; donationId: string; meals: number; amountFen: number; status: string }[];
  moves: { fromStoreId: string; toStoreId: string; donationId: string; meals: number; amountFen: number }[];
  payouts: { storeId: string; amountFen: number }[];
}

export interface MealBooksReport {
  stores: number;
  donations: number;
  inFen: number;
  fundedFen: number;
  owedFen: number;
  paidOutFen: number;
  refundedFen: number;
  issues: string[];
}

const sumBy = <T>(items: T[], key: (item: T) => string, value: (item: T) => number) => {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0) + value(item));
  return (id: string) => sums.get(id) ?? 0;
};

export function reconcileMealBooks(books: MealBooks): MealBooksReport {
  const issues: string[] = [];
  const paid = books.donations.filter((d) => d.status !== 'pending');
  const paidIn = sumBy(
    paid,
    (d) => d.storeId,
    (d) => d.amountFen,
  );
  const lotFen = sumBy(
    books.lots,
    (l) => l.storeId,
    (l) => l.remaining * l.priceFen,
  );
  const lotMeals = sumBy(
    books.lots,
    (l) => l.storeId,
    (l) => l.remaining,
  );
  const servedFen = sumBy(
    books.redemptions,
    (r) => r.storeId,
    (r) => r.priceFen,
  );
  const served = sumBy(
    books.redemptions,
    (r) => r.storeId,
    () => 1,
  );
  const refunded = sumBy(
    books.refunds,
    (r) => r.storeId,
    (r) => r.amountFen,
  );
  const movedOut = sumBy(
    books.moves,
    (m) => m.fromStoreId,
    (m) => m.amountFen,
  );
  const movedIn = sumBy(
    books.moves,
    (m) => m.toStoreId,
    (m) => m.amountFen,
  );
  const paidOut = sumBy(
    books.payouts,
    (p) => p.storeId,
    (p) => p.amountFen,
  );
  const stores = new Set([...books.funds.map((f) => f.storeId), ...paid.map((d) => d.storeId)]);
  const fundsOf = new Map(books.funds.map((f) => [f.storeId, f]));
  const zero: BooksStoreFunds = { storeId: '', meals: 0, fundedFen: 0, served: 0, owedFen: 0, refundedFen: 0, movedOutFen: 0, movedInFen: 0, paidOutFen: 0 };
  const differs = (store: string, what: string, kept: number, fromEntries: number) => {
    if (kept !== fromEntries) issues.push(`store ${store}: ${what} is ${kept}, its entries say ${fromEntries}`);
  };
  for (const store of stores) {
    const f = fundsOf.get(store) ?? { ...zero, storeId: store };
    // Every fen that came in is funded, owed, refunded or moved on.
    differs(store, 'money in (paid + moved in)', paidIn(store) + f.movedInFen, f.fundedFen + f.owedFen + f.refundedFen + f.movedOutFen);
    differs(store, 'fundedFen', f.fundedFen, lotFen(store));
    differs(store, 'meals', f.meals, lotMeals(store));
    differs(store, 'owedFen', f.owedFen, servedFen(store));
    differs(store, 'served', f.served, served(store));
    differs(store, 'refundedFen', f.refundedFen, refunded(store));
    differs(store, 'movedOutFen', f.movedOutFen, movedOut(store));
    differs(store, 'movedInFen', f.movedInFen, movedIn(store));
    differs(store, 'paidOutFen', f.paidOutFen, paidOut(store));
    if (f.paidOutFen > f.owedFen) issues.push(`store ${store}: paid out ${f.paidOutFen} > owed ${f.owedFen}`);
    if (f.fundedFen < 0 || f.meals < 0) issues.push(`store ${store}: funded meals below zero`);
  }
  // Each donation: every meal is still funded, eaten, or refunded; its refunds add up.
  const eatenOf = sumBy(
    books.redemptions,
    (r) => r.donationId,
    () => 1,
  );
  const leftOf = sumBy(
    books.lots,
    (l) => l.donationId,
    (l) => l.remaining,
  );
  const refundsOf = sumBy(
    books.refunds,
    (r) => r.donationId,
    (r) => r.amountFen,
  );
  const refundedMealsOf = sumBy(
    books.refunds,
    (r) => r.donationId,
    (r) => r.meals,
  );
  for (const d of paid) {
    if (d.amountFen % d.meals !== 0) issues.push(`donation ${d.id}: ${d.amountFen} fen is not a whole price for ${d.meals} meals`);
    const accounted = eatenOf(d.id) + leftOf(d.id) + d.refundedMeals;
    if (accounted !== d.meals) issues.push(`donation ${d.id}: ${d.meals} meals paid, ${accounted} accounted for (eaten, left, refunded)`);
    if (d.refundedFen !== refundsOf(d.id) || d.refundedMeals !== refundedMealsOf(d.id)) {
      issues.push(`donation ${d.id}: refunded ${d.refundedFen} fen / ${d.refundedMeals} meals, its refunds say ${refundsOf(d.id)} / ${refundedMealsOf(d.id)}`);
    }
  }
  for (const r of books.refunds) if (r.status === 'failed') issues.push(`refund ${r.id}: WeChat Pay could not refund ${r.amountFen} fen (needs a person)`);
  const total = (pick: (f: BooksStoreFunds) => number) => books.funds.reduce((sum, f) => sum + pick(f), 0);
  return {
    stores: stores.size,
    donations: paid.length,
    inFen: paid.reduce((sum, d) => sum + d.amountFen, 0),
    fundedFen: total((f) => f.fundedFen),
    owedFen: total((f) => f.owedFen),
    paidOutFen: total((f) => f.paidOutFen),
    refundedFen: total((f) => f.refundedFen),
    issues,
  };
}
