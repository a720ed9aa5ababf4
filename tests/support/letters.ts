/** The October letter the letter tests write: it opens with 1,000 fen, spends 800, takes in 500, closes at 700. */
export const OCTOBER_LETTER = {
  title: '十月的来信',
  body: '图书室的书架已经装好，孩子们第一次借书。',
  happenedAt: '2026-10-31T08:00:00.000Z',
  statement: {
    periodStart: '2026-10-01',
    periodEnd: '2026-10-31',
    openingFen: 1_000,
    closingFen: 700,
    lineItems: [
      { description: '书架两组', amountFen: 800, kind: 'spend' as const },
      { description: '企业追加', amountFen: 500, kind: 'income' as const },
    ],
  },
};
