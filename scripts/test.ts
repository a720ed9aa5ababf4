/**
 * `npm test`: types, then the four tiers in order of cost. The H5 app is built first so the
 * browser tier tests what `npm run build:h5` ships.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { findChromium, NO_CHROMIUM_MESSAGE } from './lib/chromium';
import { parseScriptArgs } from './lib/usage';

const ROOT = resolve(__dirname, '..');

const steps: [string, string, string[], NodeJS.ProcessEnv?][] = [
  ['types', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['unit + integration', 'npx', ['jest', '--selectProjects', 'unit', 'integration']],
  // One file at a time: the kill -9 test starts a second API, and timings on 2 cores matter.
  ['api', 'npx', ['jest', '--selectProjects', 'api', '--runInBand']],
  // The mini-program as it is uploaded, then WeChat's own code-quality check of it (offline).
  ['weapp build', 'npx', ['taro', 'build', '--type', 'weapp'], { NODE_ENV: 'production' }],
  ['weapp check', 'npx', ['tsx', 'scripts/check-weapp.ts']],
  ['build H5', 'npx', ['taro', 'build', '--type', 'h5'], { NODE_ENV: 'production' }],
  ['browser', 'npx', ['jest', '--selectProjects', 'browser', '--runInBand']],
];

const USAGE = `
Usage: npm test [-- <step>…]

Runs every step in order and stops at the first that fails; name steps to run only those:
  ${steps.map(([name]) => name.split(' ')[0]).join(', ')}
`;

const only = parseScriptArgs(USAGE, {}, { allowPositionals: true }).positionals;
const wants = (step: string) => !only.length || only.includes(step);

// Stop in the first seconds, not after ten minutes of other tiers, when the browser tier cannot run.
if (wants('browser')) {
  const found = findChromium();
  if (!found) {
    console.error(NO_CHROMIUM_MESSAGE);
    process.exit(1);
  }
  console.log(`Chromium for the browser tests: ${found.path} (${found.source})`);
  // The tiers' child processes reuse it instead of looking again.
  process.env.CHROMIUM_PATH = found.path;
}
for (const [name, command, args, env] of steps) {
  if (!wants(name.split(' ')[0])) continue;
  const started = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`◀ ${name}: ${result.status === 0 ? 'ok' : `failed (${result.status ?? result.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}
