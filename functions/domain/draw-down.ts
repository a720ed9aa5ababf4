/** Amounts kept over several counter shards (a dream's room and fund, a sponsor's budget). */

export interface Take {
  index: number;
  before: number;
  after: number;
}

/** `total` split over `parts` as evenly as integers allow (the first ones take the remainder). */
export function splitEvenly(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/**
 * Takes `amount` from the shards that hold the most (`first`, when given, before all others) and
 * lists each shard it takes from with its value before and after. Takes less when there is less.
 */
export function drawDown<T extends { index: number }>(shards: T[], value: (shard: T) => number, amount: number, first?: T): Take[] {
  const rest = shards.filter((s) => s !== first).sort((a, b) => value(b) - value(a));
  const takes: Take[] = [];
  let need = amount;
  for (const shard of first ? [first, ...rest] : rest) {
    if (need === 0) break;
    const take = Math.min(need, value(shard));
    if (take === 0) continue;
    takes.push({ index: shard.index, before: value(shard), after: value(shard) - take });
    need -= take;
  }
  return takes;
}

export const takenBy = (takes: Take[]) => takes.reduce((sum, t) => sum + t.before - t.after, 0);
