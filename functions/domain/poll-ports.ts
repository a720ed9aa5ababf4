import type { PollAnswer, PollRecord } from './poll';

export type AnswerOutcome = 'answered' | 'already' | 'closed';

export interface PollStore {
  add(poll: PollRecord): Promise<void>;
  get(pollId: string): Promise<PollRecord | null>;
  /** The assembly's polls, newest first. */
  ofAssembly(assemblyId: string): Promise<PollRecord[]>;
  /** Writes the closed poll only while the stored one is open; false when it was closed already. */
  close(next: PollRecord): Promise<boolean>;
  /**
   * The person's answer and its count on one shard, at once: `already` when they answered before
   * (also at the same moment), `closed` when the poll closed meanwhile.
   */
  answer(answer: PollAnswer): Promise<AnswerOutcome>;
  /** Each shard's counts, option by option. */
  shardCounts(poll: PollRecord): Promise<number[][]>;
  /** Which of these polls the person answered. */
  answeredBy(userId: string, pollIds: readonly string[]): Promise<Set<string>>;
}
