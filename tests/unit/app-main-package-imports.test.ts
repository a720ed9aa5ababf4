import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The mini-program's main package is capped; services only subpackage pages call live in their own
// files so that nothing the main package loads pulls them in. This walks the app's relative imports
// from every main-package page (and the app itself) and checks none of those files is reached.
const APP = resolve(__dirname, '../../app');
const SUBPACKAGE_ONLY = ['services/letters.ts', 'services/earning-api.ts', 'services/spot-check.ts'];

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((path) => existsSync(path) && /\.tsx?$/.test(path)) ?? null;
}

/** Every app file reachable from the given entries through value imports (`import type` costs nothing). */
function reachableFrom(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'"]*?from\s+)?'(\.[^']+)'/gm)) {
      const target = resolveImport(file, match[1]);
      if (target && target.startsWith(APP)) queue.push(target);
    }
  }
  return seen;
}

function mainPackageEntries(): string[] {
  const pages = readdirSync(join(APP, 'pages')).map((page) => join(APP, 'pages', page, 'index.tsx'));
  return [join(APP, 'app.ts'), ...pages.filter((path) => existsSync(path))];
}

describe('the main package', () => {
  it('reaches none of the services only subpackage pages call', () => {
    // Arrange
    const entries = mainPackageEntries();

    // Act
    const reached = [...reachableFrom(entries)].map((path) => relative(APP, path));

    // Assert
    expect(reached).toContain('pages/dream-detail/index.tsx');
    expect(reached).toContain('services/dream-letters.ts');
    expect(reached.filter((path) => SUBPACKAGE_ONLY.includes(path))).toEqual([]);
  });
});
