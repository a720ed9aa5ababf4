import type { Check } from './check';

export const sponsorBudgets: Check = {
  name: 'sponsor-budgets',
  description: "every sponsor's budget equals what remains plus the matches it paid, and nothing remains below zero",
  async run(app) {
    const sponsors = await app.sponsors.list();
    const problems: string[] = [];
    for (const sponsor of sponsors) {
      const books = await app.sponsors.reconcile(sponsor.id);
      if (books.budgetFen !== books.remainingFen + books.matchedSum || books.remainingFen < 0) {
        problems.push(`sponsor ${sponsor.name}: budget ${books.budgetFen} != remaining ${books.remainingFen} + matched ${books.matchedSum}`);
      }
    }
    return { summary: `sponsors ${sponsors.length}`, problems };
  },
};
