import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { readScriptArgs } from '../../scripts/lib/usage';

const ROOT = resolve(__dirname, '../..');

/** As `npx tsx scripts/<script>.ts …`, without npx's own start-up. */
const runScript = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

jest.setTimeout(120_000);

describe('every script says how to use it', () => {
  // bench.ts is left out until it reads its arguments through scripts/lib/usage.ts too.
  it.each(['start', 'api', 'seed', 'roles', 'reconcile', 'openapi', 'test'])('%s --help prints its usage and exits 0, starting nothing', (script) => {
    // Act
    const run = runScript(script, '--help');

    // Assert
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: /m);
  });

  it('a script refuses an option it does not know, with its usage, and exits 2', () => {
    // Act
    const run = runScript('reconcile', '--fix');

    // Assert
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--fix'[\s\S]*Usage: npm run reconcile/);
  });
});

describe('reading a script’s arguments', () => {
  const options = { stage: { type: 'string' } } as const;

  it('asks for help with --help or -h', () => {
    expect(readScriptArgs(['--help'])).toEqual({ kind: 'help' });
    expect(readScriptArgs(['list', '-h'], options, true)).toEqual({ kind: 'help' });
  });

  it('reads the options and words it was told of', () => {
    expect(readScriptArgs(['list', '--stage', 'local'], options, true)).toEqual({ kind: 'run', values: { stage: 'local' }, positionals: ['list'] });
  });

  it('takes --help after -- as a word, not a request for help', () => {
    expect(readScriptArgs(['--', '--help'], {}, true)).toEqual({ kind: 'run', values: {}, positionals: ['--help'] });
  });

  it('calls an unknown option or an unexpected word a misuse', () => {
    expect(readScriptArgs(['--stag', 'local'], options)).toMatchObject({ kind: 'misuse', reason: expect.stringContaining("Unknown option '--stag'") });
    expect(readScriptArgs(['extra'])).toMatchObject({ kind: 'misuse', reason: expect.stringContaining('extra') });
  });
});
