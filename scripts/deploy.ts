/**
 * `npm run deploy -- --stage <stage> [--region <region>]`: checks the stage's settings in SSM first
 * (one line per missing or malformed one, and no deploy), then deploys with osls. One command, also
 * the first time: the API's own URL is worked out by the stack itself.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseScriptArgs } from './lib/usage';

const USAGE = `Usage: npm run deploy -- --stage <stage> [--region <region>]

Runs npm run settings -- check for the stage, then osls deploy. Settings: npm run settings -- --help.`;

const { values } = parseScriptArgs(USAGE, { stage: { type: 'string' }, region: { type: 'string' } });
if (!values.stage) {
  console.error(`npm run deploy: give --stage\n\n${USAGE}`);
  process.exit(2);
}
const where = ['--stage', String(values.stage), ...(values.region ? ['--region', String(values.region)] : [])];
const ROOT = resolve(__dirname, '..');
const run = (command: string, args: string[]) =>
  spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' } }).status ?? 1;

const checked = run(process.execPath, ['--import', 'tsx', resolve(__dirname, 'settings.ts'), 'check', ...where]);
if (checked !== 0) process.exit(checked);
process.exit(run(process.execPath, [resolve(ROOT, 'node_modules/osls/bin/serverless.js'), 'deploy', ...where]));
