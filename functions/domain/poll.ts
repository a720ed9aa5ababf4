import type { PollStatus, PollView } from '../contract/polls';
import { RuleViolation, ValidationError } from './errors';

/**
 * A live poll of an assembly. Each donor of the dream answers once; the counts are spread over
 * `shards` counter items (a poll everyone answers at the same minute must not write one item per
 * answer), and nobody sees them until the poll is closed, so the count so far cannot sway the
 * meeting. An assembly whose minutes closed it closes its polls too.
 */

export interface PollRecord {
  id: string;
  assemblyId: string;
  dreamId: string;
  /** The charity that opened it (the dream's adopter then). */
  charityId: string;
  question: string;
  options: string[];
  status: PollStatus;
  /** How many counter items its answers are spread over (rules.polls.countShards when it opened). */
  shards: number;
  createdAt: string;
  closedAt: string | null;
}

/** One person's answer, as stored: who, which option, on which counter shard. */
export interface PollAnswer {
  pollId: string;
  userId: string;
  option: number;
  shard: number;
  answeredAt: string;
}

export const pollClosed = () => new RuleViolation('POLL_CLOSED', '投票已结束');
export const alreadyAnswered = () => new RuleViolation('ALREADY_ANSWERED', '你已经投过票了');

/** Options are choices: the same one twice would split its count. */
export function checkOptions(options: readonly string[]): void {
  const seen = new Set<string>();
  options.forEach((option, index) => {
    if (seen.has(option)) throw new ValidationError('选项不能重复', [{ in: 'body', path: ['options', index], message: 'duplicate option' }]);
    seen.add(option);
  });
}

/** Closed by the charity, or with its assembly. */
export function effectiveStatus(poll: Pick<PollRecord, 'status'>, assemblyClosed: boolean): PollStatus {
  return assemblyClosed ? 'closed' : poll.status;
}

/** The answer as it will be stored, or why not: only an open poll, only one of its options. */
export function answerOf(poll: PollRecord, assemblyClosed: boolean, userId: string, option: number, now: Date): PollAnswer {
  if (effectiveStatus(poll, assemblyClosed) === 'closed') throw pollClosed();
  if (!Number.isInteger(option) || option < 0 || option >= poll.options.length) {
    throw new ValidationError('没有这个选项', [{ in: 'body', path: ['option'], message: `option must be 0–${poll.options.length - 1}` }]);
  }
  return { pollId: poll.id, userId, option, shard: shardOf(userId, poll.shards), answeredAt: now.toISOString() };
}

/** The poll as it closes; an already closed one cannot close again. */
export function close(poll: PollRecord, now: Date): PollRecord {
  if (poll.status === 'closed') throw pollClosed();
  return { ...poll, status: 'closed', closedAt: now.toISOString() };
}

/** The counter shard of a person's answer: a stable hash of their id, so a retry lands where the first try did. */
export function shardOf(userId: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) hash = Math.imul(hash ^ userId.charCodeAt(i), 0x01000193) >>> 0;
  return hash % Math.max(1, shards);
}

/** Each option's total over the shards (a shard that was never written counts nothing). */
export function sumShards(options: number, shards: readonly (readonly number[])[]): number[] {
  return Array.from({ length: options }, (_, option) => shards.reduce((sum, counts) => sum + (counts[option] ?? 0), 0));
}

/** What a reader sees: the results only once the poll is closed (null while it is open). */
export function pollView(poll: PollRecord, view: { assemblyClosed: boolean; counts: number[] | null; answered: boolean }): PollView {
  const status = effectiveStatus(poll, view.assemblyClosed);
  return {
    id: poll.id,
    assemblyId: poll.assemblyId,
    question: poll.question,
    options: poll.options,
    status,
    results: status === 'closed' ? (view.counts ?? poll.options.map(() => 0)) : null,
    answered: view.answered,
    createdAt: poll.createdAt,
    closedAt: poll.closedAt,
  };
}
