import type { Container } from '../../functions/wiring/container';
import type { Check } from './check';

/**
 * Runs every check in turn (one that throws fails, and the others still run) and prints one line
 * per check: `✓ name (summary)`, or `✗ name: N problems` followed by each problem. Returns the
 * names of the checks that failed.
 */
export async function runChecks(checks: readonly Check[], app: Container, print: (line: string) => void = console.log): Promise<string[]> {
  const failed: string[] = [];
  for (const check of checks) {
    let problems: string[];
    let summary: string;
    try {
      ({ problems, summary } = await check.run(app));
    } catch (err) {
      failed.push(check.name);
      print(`✗ ${check.name}: could not run: ${(err as Error).message}`);
      continue;
    }
    if (problems.length === 0) {
      print(`✓ ${check.name} (${summary})`);
      continue;
    }
    failed.push(check.name);
    print(`✗ ${check.name}: ${problems.length} problem${problems.length === 1 ? '' : 's'} (${summary})`);
    for (const problem of problems) print(`    ${problem}`);
  }
  return failed;
}
