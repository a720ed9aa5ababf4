import { drawDown, splitEvenly } from './draw-down';
import type { PlannedMatch, Sponsor, SponsorFigures } from './steps';

/**
 * A sponsor's budget is kept over shards, so matching spreads its writes. What follows decides how
 * a budget is split and which shards pay a match; the repository only writes what it is handed.
 */

/** How many shards a new sponsor's budget is split over. */
export const SPONSOR_SHARDS = 8;

/** A new sponsor's budget over its shards, as evenly as integers allow. */
export function sponsorShardBudgets(budgetFen: number): number[] {
  return splitEvenly(budgetFen, SPONSOR_SHARDS);
}

/** One shard's share of a match, and what the shard must still hold for the write to land. */
export interface ShardTake {
  index: number;
  amountFen: number;
  /** At least: one shard pays it all. Exactly: a gathered share, from a shard found exactly as read. */
  holds: { atLeast: number } | { exactly: number };
}

/** How a match is paid: the shards it takes from, and the one its record is kept beside. */
export interface ShardSpend {
  entryShard: number;
  takes: ShardTake[];
}

/** A sponsor's match with how its shards pay it. */
export interface PlannedSpend extends PlannedMatch {
  spend: ShardSpend;
}

/** Picks an index below `count`; random, so concurrent matches land on different shards. */
export type PickIndex = (count: number) => number;
const randomIndex: PickIndex = (count) => Math.floor(Math.random() * count);

/**
 * Pays `amountFen` from one random shard that holds it, else gathers it from the shards with the
 * most. Every take is conditioned on the figures as read: a stale read fails its condition and the
 * move plans again, so no shard ever goes below zero.
 */
export function planShardSpend(shards: SponsorFigures['shards'], amountFen: number, pick: PickIndex = randomIndex): ShardSpend {
  const whole = shards.filter((shard) => shard.remainingFen >= amountFen);
  if (whole.length > 0) {
    const index = whole[pick(whole.length)].index;
    return { entryShard: index, takes: [{ index, amountFen, holds: { atLeast: amountFen } }] };
  }
  const takes = drawDown(shards, (shard) => shard.remainingFen, amountFen);
  return {
    entryShard: takes[0].index,
    takes: takes.map((take) => ({ index: take.index, amountFen: take.before - take.after, holds: { exactly: take.before } })),
  };
}

/** A match planner over sponsors, extended to say how the chosen sponsor's shards pay it. */
export function withShardSpend(
  planMatch: (sponsors: Sponsor[]) => PlannedMatch | null,
  pick: PickIndex = randomIndex,
): (sponsors: SponsorFigures[]) => PlannedSpend | null {
  return (sponsors) => {
    const match = planMatch(sponsors);
    if (!match) return null;
    const figures = sponsors.find((sponsor) => sponsor.id === match.sponsor.id)!;
    return { ...match, spend: planShardSpend(figures.shards, match.amountFen, pick) };
  };
}
