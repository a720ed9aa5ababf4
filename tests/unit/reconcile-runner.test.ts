import type { Container } from '../../functions/wiring/container';
import { CHECKS, runChecks, type Check } from '../../scripts/checks';

const app = {} as Container;
const check = (name: string, run: Check['run']): Check => ({ name, description: name, run });

describe('npm run reconcile’s runner', () => {
  it('prints one line per check, the problems under a failed one, and names the checks that failed', async () => {
    // Arrange
    const lines: string[] = [];
    const checks = [
      check('clean', async () => ({ summary: 'accounts 2', problems: [] })),
      check('broken', async () => ({ summary: 'stores 1', problems: ['store s1: owedFen is 300, its entries say 200', 'refund r1: failed'] })),
      check('one-off', async () => ({ summary: 'sponsors 1', problems: ['sponsor A: budget 10 != remaining 5 + matched 4'] })),
    ];

    // Act
    const failed = await runChecks(checks, app, (line) => lines.push(line));

    // Assert
    expect(failed).toEqual(['broken', 'one-off']);
    expect(lines).toEqual([
      '✓ clean (accounts 2)',
      '✗ broken: 2 problems (stores 1)',
      '    store s1: owedFen is 300, its entries say 200',
      '    refund r1: failed',
      '✗ one-off: 1 problem (sponsors 1)',
      '    sponsor A: budget 10 != remaining 5 + matched 4',
    ]);
  });

  it('fails a check that throws and still runs the ones after it', async () => {
    // Arrange
    const lines: string[] = [];
    const checks = [
      check('unreachable', async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:8765');
      }),
      check('clean', async () => ({ summary: 'sponsors 0', problems: [] })),
    ];

    // Act
    const failed = await runChecks(checks, app, (line) => lines.push(line));

    // Assert
    expect(failed).toEqual(['unreachable']);
    expect(lines).toEqual(['✗ unreachable: could not run: connect ECONNREFUSED 127.0.0.1:8765', '✓ clean (sponsors 0)']);
  });

  it('runs the flower ledger, the sponsors’ budgets and the love-meal money, each under its own name', () => {
    expect(CHECKS.map((c) => c.name)).toEqual(['flower-accounts', 'sponsor-budgets', 'love-meal-money']);
  });
});
