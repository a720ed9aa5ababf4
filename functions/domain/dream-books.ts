import { totalsOf, type DreamRecord, type DreamShard, type DreamTotals } from './dream';
import type { Clock } from './ports';

/** What the books check reads of one dream, all consistently: the dream, its shards, its donor items and match entries. */
export interface DreamBooksRead {
  dream: DreamRecord;
  shards: DreamShard[];
  donorItems: number;
  matchEntriesFen: number;
}

export interface DreamBooksReader {
  read(dreamId: string): Promise<DreamBooksRead>;
}

/** A dream's books as `npm run reconcile` checks them: counters against donor items and match entries. */
export interface DreamBooksReport {
  totals: DreamTotals;
  donorItems: number;
  matchEntriesFen: number;
  fundLeftFen: number;
  budgetFen: number;
}

export interface DreamBooks {
  reconcile(dreamId: string): Promise<DreamBooksReport>;
}

export function dreamBooksReport(read: DreamBooksRead, now: Date): DreamBooksReport {
  return {
    totals: totalsOf(read.dream, read.shards, now),
    donorItems: read.donorItems,
    matchEntriesFen: read.matchEntriesFen,
    fundLeftFen: read.shards.reduce((sum, s) => sum + s.fundRoomFen, 0),
    budgetFen: read.dream.matchFund?.budgetFen ?? 0,
  };
}

/** The books check over what the reader reads (scripts and tests; no function needs it). */
export function dreamBooks(reader: DreamBooksReader, clock: Clock): DreamBooks {
  return { reconcile: async (dreamId) => dreamBooksReport(await reader.read(dreamId), clock.now()) };
}
