/**
 * `npm run reconcile`: the books checks (scripts/checks/), each recomputing balances from the
 * entries that moved them (flowers, sponsors' budgets, love-meal money) and listing every
 * difference. Locally it reads the table of a running `npm start`/`npm run api`; against AWS set
 * STAGE, TABLE_NAME and AWS credentials (DYNAMODB_ENDPOINT empty). Exits 1 when any check fails.
 */
import { buildContainer } from '../functions/wiring/container';
import { loadConfig } from '../functions/shared/config';
import { CHECKS, runChecks } from './checks';
import { parseScriptArgs } from './lib/usage';

const USAGE = `
Usage: npm run reconcile [-- <check>…]

Runs the books checks (all of them, or the ones named), one line each, and exits 1 if any fails:
${CHECKS.map((check) => `  ${check.name.padEnd(18)}${check.description}`).join('\n')}

Environment: STAGE (local), TABLE_NAME (little-red-flower-local), DYNAMODB_ENDPOINT
(locally http://127.0.0.1:$DYNAMODB_PORT, 8765 by default; empty against AWS).
`;

async function main() {
  const { positionals } = parseScriptArgs(USAGE, {}, { allowPositionals: true });
  const unknown = positionals.filter((name) => !CHECKS.some((check) => check.name === name));
  if (unknown.length) {
    console.error(`no check named ${unknown.join(', ')}\n\n${USAGE.trim()}`);
    process.exit(2);
  }
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
  const chosen = positionals.length ? CHECKS.filter((check) => positionals.includes(check.name)) : CHECKS;
  const failed = await runChecks(chosen, app);
  console.log(failed.length ? `✗ the books do not balance (${failed.join(', ')})` : '✓ the books balance');
  process.exit(failed.length ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
