/**
 * `npm run reconcile`: recompute every balance from its ledger (flowers, sponsors' budgets, love-meal
 * money) and list every difference.
 * Locally it reads the table of a running `npm start`/`npm run api`; against AWS set STAGE,
 * TABLE_NAME and AWS credentials (DYNAMODB_ENDPOINT empty). Exits 1 when the books disagree.
 */
import { readMealBooks } from '../functions/adapters/dynamodb/meal-books';
import { reconcileAll } from '../functions/adapters/dynamodb/reconciliation';
import { reconcileMealBooks } from '../functions/domain/meal-books';
import { buildContainer } from '../functions/wiring/container';
import { loadConfig } from '../functions/shared/config';

async function main() {
  const local = !process.env.STAGE || process.env.STAGE === 'local';
  const app = buildContainer(
    loadConfig({
      ...process.env,
      STAGE: process.env.STAGE ?? 'local',
      TABLE_NAME: process.env.TABLE_NAME ?? 'little-red-flower-local',
      DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT ?? (local ? `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8765}` : undefined),
      JWT_SECRET_PARAM: process.env.JWT_SECRET_PARAM ?? 'unused-by-reconcile',
    }),
  );
  const report = await reconcileAll(app.users, app.ledger);
  const sponsors = await Promise.all((await app.sponsors.list()).map(async (s) => ({ name: s.name, ...(await app.sponsors.reconcile(s.id)) })));
  const sponsorIssues = sponsors.filter((s) => s.budgetFen !== s.remainingFen + s.matchedSum || s.remainingFen < 0);
  console.log(
    `accounts ${report.accounts}, entries ${report.entries}, balance ${report.totalBalance}, earned ${report.totalEarned}, given ${report.totalGiven}, sponsors ${sponsors.length}`,
  );
  // Love meals: money in (paid donations) = funded + owed + refunded + moved on, per store, entry by entry.
  const meals = reconcileMealBooks(await readMealBooks(app.table));
  console.log(
    `love meals: stores ${meals.stores}, paid donations ${meals.donations}, in ${meals.inFen} fen = funded ${meals.fundedFen} + owed ${meals.owedFen} + refunded ${meals.refundedFen} (+ moved); paid out ${meals.paidOutFen}`,
  );
  for (const issue of report.issues) console.log(`✗ user ${issue.userId}: ${issue.problem}`);
  for (const s of sponsorIssues) console.log(`✗ sponsor ${s.name}: budget ${s.budgetFen} != remaining ${s.remainingFen} + matched ${s.matchedSum}`);
  for (const issue of meals.issues) console.log(`✗ ${issue}`);
  const clean = report.issues.length === 0 && sponsorIssues.length === 0 && meals.issues.length === 0;
  console.log(clean ? '✓ the books balance' : '✗ the books do not balance');
  process.exit(clean ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
