import type { Container } from '../../functions/wiring/container';

/**
 * One named check of the books, in the shape of Open Collective's `checks/`: a name, and a run that
 * reads what it needs and returns every problem it found (none: the check passes).
 */
export interface Check {
  name: string;
  /** One line on what it checks, for `npm run reconcile -- --help`. */
  description: string;
  run(app: Container): Promise<CheckOutcome>;
}

export interface CheckOutcome {
  /** The totals it went through, worth printing even when all is well. */
  summary: string;
  problems: string[];
}
