import { ulid } from 'ulid';
import type { AnswerPollBody, OpenPollBody, PollView } from '../contract/polls';
import { ForbiddenError, NotFoundError, RuleViolation } from '../domain/errors';
import { alreadyAnswered, answerOf, checkOptions, close, pollClosed, pollView, sumShards, type PollRecord } from '../domain/poll';
import type { PollStore } from '../domain/poll-ports';
import type { Clock, UserRepository } from '../domain/ports';
import type { AssemblyFactsReader, DreamFacts } from '../domain/promise-ports';
import type { ContentSafetyPort } from '../domain/wechat';
import { clearCharityText } from '../promises/charity-text';

/**
 * Live polls during an assembly: the adopting charity opens and closes them, each donor of the
 * dream answers once, and everyone reads the results once a poll is closed.
 */
export interface PollDeps {
  clock: Clock;
  users: Pick<UserRepository, 'findById'>;
  contentSafety: ContentSafetyPort;
  assemblyFacts: AssemblyFactsReader;
  polls: PollStore;
  config: { rules: { polls: { countShards: number } } };
}

function requireAdopter(dream: DreamFacts | null, callerId: string): DreamFacts {
  if (!dream || dream.charityId !== callerId) throw new ForbiddenError('只有认领这个梦想的公益机构可以管理投票');
  return dream;
}

/** The poll and its assembly (404 when either is gone). */
async function pollAndAssembly(deps: PollDeps, pollId: string) {
  const poll = await deps.polls.get(pollId);
  const assembly = poll ? await deps.assemblyFacts.assembly(poll.assemblyId) : null;
  if (!poll || !assembly) throw new NotFoundError('没有这个投票');
  return { poll, assemblyClosed: assembly.status === 'closed' };
}

/** POST /assemblies/{id}/polls: a poll opens while the assembly is not closed. */
export async function openPoll(deps: PollDeps, callerId: string, assemblyId: string, body: OpenPollBody): Promise<PollView> {
  const assembly = await deps.assemblyFacts.assembly(assemblyId);
  if (!assembly) throw new NotFoundError('没有这场股东大会');
  const dream = requireAdopter(await deps.assemblyFacts.dream(assembly.dreamId), callerId);
  checkOptions(body.options);
  if (assembly.status === 'closed') throw new RuleViolation('ASSEMBLY_CLOSED', '股东大会已结束');
  await clearCharityText(deps, callerId, [body.question, ...body.options]);
  const poll: PollRecord = {
    id: ulid(),
    assemblyId: assembly.id,
    dreamId: dream.id,
    charityId: callerId,
    question: body.question,
    options: body.options,
    status: 'open',
    shards: deps.config.rules.polls.countShards,
    createdAt: deps.clock.now().toISOString(),
    closedAt: null,
  };
  await deps.polls.add(poll);
  return pollView(poll, { assemblyClosed: false, counts: null, answered: false });
}

/** POST /polls/{id}/close: the results show from now on. */
export async function closePoll(deps: PollDeps, callerId: string, pollId: string): Promise<PollView> {
  const { poll, assemblyClosed } = await pollAndAssembly(deps, pollId);
  requireAdopter(await deps.assemblyFacts.dream(poll.dreamId), callerId);
  if (assemblyClosed) throw pollClosed();
  const next = close(poll, deps.clock.now());
  if (!(await deps.polls.close(next))) throw pollClosed();
  return withResults(deps, next, false, callerId);
}

/** POST /polls/{id}/answers: a donor of the dream, once. */
export async function answerPoll(deps: PollDeps, callerId: string, pollId: string, body: AnswerPollBody): Promise<PollView> {
  const { poll, assemblyClosed } = await pollAndAssembly(deps, pollId);
  const dream = await deps.assemblyFacts.dream(poll.dreamId);
  if (!dream || !(await deps.assemblyFacts.isDonor(dream, callerId))) throw new ForbiddenError('只有支持过这个梦想的人可以投票');
  const answer = answerOf(poll, assemblyClosed, callerId, body.option, deps.clock.now());
  const outcome = await deps.polls.answer(answer);
  if (outcome === 'already') throw alreadyAnswered();
  if (outcome === 'closed') throw pollClosed();
  return pollView(poll, { assemblyClosed, counts: null, answered: true });
}

/** GET /assemblies/{id}/polls: newest first; results of the closed ones; which the caller answered. */
export async function assemblyPolls(deps: PollDeps, assemblyId: string, callerId: string | null): Promise<{ items: PollView[] }> {
  const assembly = await deps.assemblyFacts.assembly(assemblyId);
  if (!assembly) throw new NotFoundError('没有这场股东大会');
  const assemblyClosed = assembly.status === 'closed';
  const polls = await deps.polls.ofAssembly(assembly.id);
  const answered = callerId
    ? await deps.polls.answeredBy(
        callerId,
        polls.map((poll) => poll.id),
      )
    : new Set<string>();
  const items = await Promise.all(polls.map((poll) => withResults(deps, poll, assemblyClosed, callerId, answered)));
  return { items };
}

/** The view of a poll, its shards read only when it is closed (an open poll's count is nobody's yet). */
async function withResults(deps: PollDeps, poll: PollRecord, assemblyClosed: boolean, callerId: string | null, answered?: Set<string>): Promise<PollView> {
  const closed = assemblyClosed || poll.status === 'closed';
  const counts = closed ? sumShards(poll.options.length, await deps.polls.shardCounts(poll)) : null;
  const didAnswer = answered ? answered.has(poll.id) : callerId ? (await deps.polls.answeredBy(callerId, [poll.id])).has(poll.id) : false;
  return pollView(poll, { assemblyClosed, counts, answered: didAnswer });
}
