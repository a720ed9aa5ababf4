import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

function bytesUnder(dir: string, skip: (path: string) => boolean = () => false): number {
  return readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name);
    if (skip(path)) return sum;
    const stat = statSync(path);
    return sum + (stat.isDirectory() ? bytesUnder(path, skip) : stat.size);
  }, 0);
}

/** `npm run build:weapp`, then the bytes of files in the main package and in each subpackage. */
export function measureWeappPackages(): { main: number; total: number; subpackages: Record<string, number> } {
  const build = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build:weapp failed:\n${build.stdout}\n${build.stderr}`);
  const out = resolve(ROOT, 'dist/weapp');
  const app = JSON.parse(readFileSync(join(out, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((sub) => join(out, sub.root.replace(/\/$/, '')));
  const subpackages = Object.fromEntries(roots.map((root) => [root.slice(out.length + 1), bytesUnder(root)]));
  const main = bytesUnder(out, (path) => roots.includes(path));
  return { main, total: bytesUnder(out), subpackages };
}
