import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where Debian (apt-get install chromium) and other distributions put their Chromium. */
const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH, else the system one, else the one that the
 * npm package @sparticuz/chromium ships (a devDependency, so `npm ci` is the only set-up; it has
 * no CJK fonts, which text queries do not need). Null when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): { path: string; source: ChromiumSource } | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' } : null;
  const system = SYSTEM_CHROMIUMS.find((path) => existsSync(path));
  if (system) return { path: system, source: 'system' };
  // The package is ESM-only and unpacks its brotli'd binary on first use: ask a child Node for it.
  const unpacked = spawnSync(process.execPath, ['--input-type=module', '-e', "import c from '@sparticuz/chromium'; console.log(await c.executablePath())"], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  const path = unpacked.status === 0 ? unpacked.stdout.trim().split('\n').pop() : undefined;
  return path && existsSync(path) ? { path, source: '@sparticuz/chromium' } : null;
}

/** The one line a runner prints when no Chromium can be found. */
export const NO_CHROMIUM_MESSAGE =
  'No Chromium for the browser tests: set CHROMIUM_PATH, install one (apt-get install chromium), or run npm ci so that @sparticuz/chromium is there.';

/** The flags STACK.md measured on these machines (no sandbox as root, no calls home). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--no-zygote',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
