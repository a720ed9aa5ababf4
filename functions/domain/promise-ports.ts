import type { PromiseRecord } from './promise';

/**
 * What promises and polls read of the assembly they belong to and of its dream: the assembly core
 * owns those items; these ports only read them.
 */
export interface AssemblyFacts {
  id: string;
  dreamId: string;
  title: string;
  status: 'scheduled' | 'closed';
}

export interface DreamFacts {
  id: string;
  title: string;
  /** The charity that adopted the dream; null before it is adopted. */
  charityId: string | null;
  /** How many donor shards the dream has (where a donor's item is found). */
  shardCount: number;
}

export interface AssemblyFactsReader {
  assembly(assemblyId: string): Promise<AssemblyFacts | null>;
  dream(dreamId: string): Promise<DreamFacts | null>;
  /** The assembly a question was asked in; null when there is no such question. */
  questionAssemblyId(questionId: string): Promise<string | null>;
  /** Gave to the dream, even one flower. */
  isDonor(dream: DreamFacts, userId: string): Promise<boolean>;
}

export interface PromiseStore {
  add(record: PromiseRecord): Promise<void>;
  get(promiseId: string): Promise<PromiseRecord | null>;
  /** Writes the settled promise only while the stored one is still in progress; false when it is not (any more). */
  settle(next: PromiseRecord): Promise<boolean>;
  /** Every promise made to the dream's donors. */
  ofDream(dreamId: string): Promise<PromiseRecord[]>;
}
