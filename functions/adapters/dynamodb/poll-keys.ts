import { personKeys } from './person-keys';

/**
 * Polls: the poll item; its counter shards, each a partition of its own (a poll the whole meeting
 * answers at once spreads its writes over them); one answer item per person, also in a partition of
 * its own, so the answers of a busy poll share no partition with each other or with the poll.
 */
export const pollKeys = {
  item: (pollId: string) => ({ PK: `POLL#${pollId}`, SK: 'POLL' }),
  assemblyIndex: (assemblyId: string, createdAt: string, pollId: string) => ({
    GSI1PK: pollKeys.assemblyPartition(assemblyId),
    GSI1SK: `${createdAt}#${pollId}`,
  }),
  assemblyPartition: (assemblyId: string) => `ASSEMBLY#${assemblyId}#POLLS`,
  shard: (pollId: string, shard: number) => ({ PK: `POLL#${pollId}#C${shard}`, SK: 'COUNTS' }),
  answer: (pollId: string, userId: string) => ({ PK: `POLL#${pollId}#ANSWER#${userId}`, SK: 'ANSWER' }),
  /** The person index: an export finds the person's answers under `poll_answer`. */
  answerPerson: (userId: string, pollId: string) => ({ GSI3PK: personKeys.partition(userId), GSI3SK: `POLL_ANSWER#${pollId}` }),
  /** The counter attribute of an option on a shard. */
  optionCounter: (option: number) => `o${option}`,
};
