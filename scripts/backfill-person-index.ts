/**
 * `npm run backfill:person-index`: gives the person-index keys (GSI3) to items written before the
 * index existed, so the export and account closing find them. Resumable: after each page it writes
 * where it stopped to the progress file, and a new run starts there. Locally it works on the table
 * of a running `npm start`/`npm run api`; against AWS set STAGE, TABLE_NAME and AWS credentials
 * (DYNAMODB_ENDPOINT empty).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createTableContext } from '../functions/adapters/dynamodb/client';
import { backfillPersonIndex, type ScanPosition } from './lib/person-index-backfill';
import { parseScriptArgs } from './lib/usage';

const USAGE = `
Usage: npm run backfill:person-index [-- [--progress <file>] [--restart]]

Scans the table a page at a time and adds GSI3PK/GSI3SK to every item that holds a person's data
and lacks them. Safe to run twice and beside the live functions.
  --progress <file>  where the scan position is kept between runs (.data/backfill-person-index.json)
  --restart          forget the kept position and scan from the start

Environment: STAGE (local), TABLE_NAME (little-red-flower-local), DYNAMODB_ENDPOINT
(locally http://127.0.0.1:$DYNAMODB_PORT, 8765 by default; empty against AWS), AWS_REGION.
`;

async function main() {
  const { values } = parseScriptArgs(USAGE, { progress: { type: 'string' }, restart: { type: 'boolean' } });
  const progressFile = (values.progress as string | undefined) ?? '.data/backfill-person-index.json';
  if (values.restart) rmSync(progressFile, { force: true });
  const local = !process.env.STAGE || process.env.STAGE === 'local';
  const table = createTableContext({
    tableName: process.env.TABLE_NAME ?? 'little-red-flower-local',
    endpoint: (process.env.DYNAMODB_ENDPOINT ?? (local ? `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8765}` : '')) || undefined,
    region: process.env.AWS_REGION ?? 'ap-east-1',
  });
  const from = existsSync(progressFile) ? (JSON.parse(readFileSync(progressFile, 'utf8')) as { next: ScanPosition }).next : undefined;
  if (from) console.log(`resuming from ${JSON.stringify(from)}`);
  mkdirSync(dirname(progressFile), { recursive: true });
  const { indexed } = await backfillPersonIndex(table, {
    from,
    onPage: (progress) => writeFileSync(progressFile, JSON.stringify(progress)),
  });
  rmSync(progressFile, { force: true });
  console.log(`✓ person index back-filled: ${indexed} item(s) given their keys`);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
