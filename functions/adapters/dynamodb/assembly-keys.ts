import { personKeys } from './person-keys';

/**
 * Key builders for donor assemblies. An assembly and its questions share a partition (a few
 * hundred items at most, read together); each vote and each attendance is an item of its own
 * partition, and the counts live in counter shards, so no single key takes every vote.
 */
export const assemblyKeys = {
  profile: (assemblyId: string) => ({ PK: `ASSEMBLY#${assemblyId}`, SK: 'PROFILE' }),
  /** A dream's assemblies on GSI1, by start time. */
  dreamIndex: (dreamId: string, startsAt: string, assemblyId: string) => ({
    GSI1PK: assemblyKeys.dreamPartition(dreamId),
    GSI1SK: `${startsAt}#${assemblyId}`,
  }),
  dreamPartition: (dreamId: string) => `DREAM#${dreamId}#ASSEMBLIES`,
  /** The table key of an assembly from its dream-index sort key. */
  fromDreamIndex: (indexSortKey: string) => assemblyKeys.profile(indexSortKey.slice(indexSortKey.indexOf('#') + 1)),
  question: (assemblyId: string, questionId: string) => ({ PK: `ASSEMBLY#${assemblyId}`, SK: `Q#${questionId}` }),
  questionPrefix: 'Q#',
  report: (assemblyId: string, questionId: string, userId: string) => ({ PK: `ASSEMBLY#${assemblyId}`, SK: `REPORT#${questionId}#${userId}` }),
  /** One item per (question, person): the vote's condition makes it one per person. */
  vote: (questionId: string, userId: string) => ({ PK: `QVOTE#${questionId}#${userId}`, SK: 'VOTE' }),
  voteShard: (questionId: string, shard: number) => ({ PK: `QVOTES#${questionId}#S${shard}`, SK: 'COUNT' }),
  attendee: (assemblyId: string, userId: string) => ({ PK: `ATTEND#${assemblyId}#${userId}`, SK: 'ATTENDEE' }),
  attendanceShard: (assemblyId: string, shard: number) => ({ PK: `ATTENDANCE#${assemblyId}#S${shard}`, SK: 'COUNT' }),
  /** Questions hidden for an admin's look, on GSI2 (sparse), oldest first. */
  reviewIndex: (at: string, questionId: string) => ({ GSI2PK: assemblyKeys.reviewPartition, GSI2SK: `${at}#${questionId}` }),
  reviewPartition: 'QUESTIONS#REVIEW',
  /** The person index (GSI3): what the export and account closing find of the person. */
  personQuestion: (userId: string, questionId: string) => ({ GSI3PK: personKeys.partition(userId), GSI3SK: `ASSEMBLY_QUESTION#${questionId}` }),
  personVote: (userId: string, questionId: string) => ({ GSI3PK: personKeys.partition(userId), GSI3SK: `ASSEMBLY_VOTE#${questionId}` }),
  personReport: (userId: string, questionId: string) => ({ GSI3PK: personKeys.partition(userId), GSI3SK: `ASSEMBLY_REPORT#${questionId}` }),
  personAttendee: (userId: string, assemblyId: string) => ({ GSI3PK: personKeys.partition(userId), GSI3SK: `ASSEMBLY_ATTENDEE#${assemblyId}` }),
};

/** The assembly a question id names (`<assemblyId>-<own id>`, see the domain's questionIdFor); null for a malformed id. */
export const assemblyIdOfQuestion = (questionId: string): string | null => {
  const dash = questionId.indexOf('-');
  return dash > 0 ? questionId.slice(0, dash) : null;
};
