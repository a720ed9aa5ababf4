import type { LogTotals } from './check-entries';

/**
 * The log is a snapshot at its checkpoint; the API's figures are live. So the two are compared
 * with the order in which they were read in mind:
 * - Dreams (flowers only grow): the checkpoint is read before the API, so a log with MORE flowers
 *   than the API is a finding at once. A log with fewer is "behind by n" (gifts after the
 *   checkpoint) and is settled by a second read: every gift acknowledged before the first API read
 *   is in a signed checkpoint within the log's delay, so a checkpoint read after that delay that
 *   still has fewer flowers than the FIRST API figure is a finding.
 * - Stores (meals are paid and eaten, so the figure moves both ways): compared only when the
 *   store's figure stood still across the two reads, which spanned the delay; a difference then
 *   is a finding, otherwise the store is reported as moving.
 */
export interface Comparison {
  findings: string[];
  infos: string[];
  /** Dreams whose log figure was behind: compare again after the delay. */
  behind: string[];
}

/** The first read: checkpoint, then the API. */
export function compareFirst(log: LogTotals, api: { dreams: Map<string, number | null> }): Comparison {
  const out: Comparison = { findings: [], infos: [], behind: [] };
  for (const [dream, flowers] of log.dreamFlowers) {
    const shown = api.dreams.get(dream);
    if (shown === null || shown === undefined) out.findings.push(`dream ${dream}: the log gives it ${flowers} flowers, the API does not show it`);
    else if (flowers > shown) out.findings.push(`dream ${dream}: the log has ${flowers} flowers, more than the API's ${shown}`);
    else if (flowers < shown) {
      out.infos.push(`dream ${dream}: the log is behind the API by ${shown - flowers} flowers (re-reading after the delay)`);
      out.behind.push(dream);
    }
  }
  return out;
}

/** The second read, after the delay: the first API figure must be covered now, and no more than the second. */
export function compareSettled(log: LogTotals, dreams: string[], first: Map<string, number | null>, second: Map<string, number | null>): string[] {
  const findings: string[] = [];
  for (const dream of dreams) {
    const flowers = log.dreamFlowers.get(dream) ?? 0;
    const before = first.get(dream) ?? 0;
    const now = second.get(dream) ?? 0;
    if (flowers < before) findings.push(`dream ${dream}: the log still has ${flowers} flowers after the delay; the API showed ${before} before it`);
    else if (flowers > now) findings.push(`dream ${dream}: the log has ${flowers} flowers, more than the API's ${now}`);
  }
  return findings;
}

/** Stores whose figure did not move across both reads must agree with the log. */
export function compareStores(log: LogTotals, first: Map<string, number>, second: Map<string, number>): Comparison {
  const out: Comparison = { findings: [], infos: [], behind: [] };
  for (const [store, meals] of log.storeMeals) {
    const before = first.get(store);
    const now = second.get(store);
    if (before === undefined || now === undefined) {
      out.infos.push(`store ${store}: not listed as active, its ${meals} meals are not compared`);
    } else if (before !== now) {
      out.infos.push(`store ${store}: its meals moved while reading (${before} → ${now}), not compared`);
    } else if (meals !== now) {
      out.findings.push(`store ${store}: the log gives ${meals} meals not yet eaten, the API ${now}`);
    }
  }
  return out;
}
