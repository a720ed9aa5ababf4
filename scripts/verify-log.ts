/**
 * `npm run verify-log -- --url <api base>`: checks the public log as anyone can, with no
 * credentials. Prints one line per finding and exits 1 on any; a summary line otherwise.
 */
import { nodeLogCrypto } from '../functions/adapters/crypto/log-crypto';
import { loadRules } from '../functions/shared/config/rules';
import { httpLogSource } from './lib/verify-log/log-source';
import { defaultStateFile, readSeen, writeSeen } from './lib/verify-log/seen-checkpoint';
import { verifyLog } from './lib/verify-log/verify';
import { parseScriptArgs } from './lib/usage';

const USAGE = `
Usage: npm run verify-log -- --url <api base> [--witness <verifier key>[,<verifier key>...]] [--state <file>]

Checks the public log: the checkpoint's signature (and each --witness's cosignature), every tile
and bundle against the signed root, consistency with the checkpoint seen last (kept in --state,
default .data/verify-log/<origin>.json), every entry, and each dream's flowers and each store's
meals against the public API. One line per finding, exit 1 on any.
`;

async function main() {
  const { values } = parseScriptArgs(USAGE, { url: { type: 'string' }, witness: { type: 'string' }, state: { type: 'string' } });
  const url = values.url as string | undefined;
  if (!url) {
    console.error(`--url is required\n${USAGE.trim()}`);
    process.exit(2);
  }
  const source = httpLogSource(url);
  const { origin } = await source.key();
  const stateFile = (values.state as string | undefined) ?? defaultStateFile(origin);
  const witnessKeys = ((values.witness as string | undefined) ?? '').split(',').filter(Boolean);
  const report = await verifyLog({
    ...nodeLogCrypto,
    source,
    figures: source,
    witnessKeys,
    seen: readSeen(stateFile),
    // The log's promised delay (rules.log.maxDelaySeconds) and a little more for the clock's edges.
    settle: () => new Promise((resolve) => setTimeout(resolve, (loadRules().log.maxDelaySeconds + 2) * 1000)),
  });
  for (const info of report.infos) console.log(`info: ${info}`);
  for (const finding of report.findings) console.log(`FINDING: ${finding}`);
  if (report.checkpoint) writeSeen(stateFile, report.checkpoint);
  if (report.findings.length > 0) process.exit(1);
  console.log(report.summary);
}

main().catch((error: unknown) => {
  console.error(`verify-log: ${(error as Error).message}`);
  process.exit(1);
});
