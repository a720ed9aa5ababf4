/**
 * The hot-dream workload as an outside client runs it: a process of its own that talks to a
 * running API over HTTP only. The bench starts it beside the in-process figure; it also runs
 * alone against `npm run api` (local or test stage, which serve /auth/dev and /dev/grants):
 *
 *   npx tsx scripts/lib/http-bench-client.ts --base http://localhost:3000 [--donors 64] [--gifts-each 20] [--label outside]
 *
 * It prints one line of JSON (the GiftRunResult) as its last line of output.
 */
import { parseArgs } from 'node:util';
import { arrangeHotDream, runGifts } from './http-bench-workload';

export const RESULT_PREFIX = 'BENCH_RESULT ';

async function main() {
  const { values } = parseArgs({
    options: {
      base: { type: 'string', default: 'http://localhost:3000' },
      donors: { type: 'string', default: '64' },
      'gifts-each': { type: 'string', default: '20' },
      label: { type: 'string', default: `outside-${process.pid}` },
    },
  });
  const base = values.base.replace(/\/$/, '');
  const dream = await arrangeHotDream(base, Number(values.donors), values.label);
  const result = await runGifts(base, dream, Number(values['gifts-each']), values.label);
  console.log(`${RESULT_PREFIX}${JSON.stringify(result)}`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
