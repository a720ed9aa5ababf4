import type { GiftRunResult, HttpBenchResult } from './http-bench';

/** HTTP gifts/s over domain gifts/s must reach this, from inside the bench and from outside. */
export const HTTP_RATIO_TARGET = 0.5;
const P99_TARGET_MS = 2000;

/** One column of the HTTP table: a run's figures beside the domain figure of the same bench. */
function column(run: GiftRunResult, domainRate: number): Record<string, string | number> {
  return {
    'HTTP gifts/s through npm run api': Number(run.giftsPerSecond.toFixed(1)),
    'ratio HTTP/domain': `${(run.giftsPerSecond / domainRate).toFixed(2)} (target ≥ ${HTTP_RATIO_TARGET})`,
    'HTTP p50 ms': run.p50Ms,
    'HTTP p99 ms': `${run.p99Ms} (target < ${P99_TARGET_MS})`,
    'HTTP slowest ms': run.maxMs,
    'answers other than 200': run.nonContract,
    'dream flowersRaised = flowers given': `${run.flowersRaised} = ${run.flowersGiven}`,
  };
}

/** Prints both HTTP measurements side by side and every target either of them misses. */
export function reportHttpBench(http: HttpBenchResult, domainRate: number, shape: { donors: number; giftsEach: number }): void {
  const runs = { 'client process of its own': http.outside, 'in the bench process': http.inProcess };
  const rows: Record<string, Record<string, string | number>> = {
    'HTTP gifts (donors × gifts each, in turn)': Object.fromEntries(
      Object.entries(runs).map(([name, run]) => [name, `${run.gifts} (${shape.donors} × ${shape.giftsEach})`]),
    ),
    'domain gifts/s (same footing)': Object.fromEntries(Object.keys(runs).map((name) => [name, Number(domainRate.toFixed(1))])),
  };
  for (const [name, run] of Object.entries(runs)) {
    for (const [figure, value] of Object.entries(column(run, domainRate))) (rows[figure] ??= {})[name] = value;
  }
  console.table(rows);
  for (const [name, run] of Object.entries(runs)) {
    if (run.giftsPerSecond / domainRate < HTTP_RATIO_TARGET) console.log(`target missed (${name}): HTTP/domain < ${HTTP_RATIO_TARGET}`);
    if (run.p99Ms >= P99_TARGET_MS) console.log(`target missed (${name}): HTTP p99 ≥ 2 s`);
    if (run.flowersRaised !== run.flowersGiven || run.nonContract) console.log(`target missed (${name}): HTTP gifts lost or refused`);
  }
}
