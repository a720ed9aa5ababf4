import { ulid } from 'ulid';
import type { MakePromiseBody, PromiseView, SettlePromiseBody } from '../contract/promises';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import type { Clock, UserRepository } from '../domain/ports';
import { byDueDateNewestFirst, checkDueDate, promiseSettled, promiseView, settle, type PromiseRecord } from '../domain/promise';
import type { AssemblyFactsReader, DreamFacts, PromiseStore } from '../domain/promise-ports';
import type { ContentSafetyPort } from '../domain/wechat';
import type { Rules } from '../shared/config';
import { clearCharityText } from './charity-text';

/**
 * Promises (承诺) made to a dream's donors in its assemblies: the adopting charity records them and
 * later says whether it kept them; anyone can read them, with the ones past due marked 逾期.
 */
export interface PromiseDeps {
  clock: Clock;
  users: Pick<UserRepository, 'findById'>;
  contentSafety: ContentSafetyPort;
  assemblyFacts: AssemblyFactsReader;
  promises: PromiseStore;
  config: { rules: Pick<Rules, 'timezone'> };
}

/** Only the charity that adopted the dream speaks for it (403 for anyone else). */
function requireAdopter(dream: DreamFacts | null, callerId: string): DreamFacts {
  if (!dream || dream.charityId !== callerId) throw new ForbiddenError('只有认领这个梦想的公益机构可以记录承诺');
  return dream;
}

/** POST /assemblies/{id}/promises: a promise in progress, due on the day the charity names. */
export async function makePromise(deps: PromiseDeps, callerId: string, assemblyId: string, body: MakePromiseBody): Promise<PromiseView> {
  const assembly = await deps.assemblyFacts.assembly(assemblyId);
  if (!assembly) throw new NotFoundError('没有这场股东大会');
  const dream = requireAdopter(await deps.assemblyFacts.dream(assembly.dreamId), callerId);
  const now = deps.clock.now();
  const zone = deps.config.rules.timezone;
  checkDueDate(body.dueDate, now, zone);
  if (body.questionId && (await deps.assemblyFacts.questionAssemblyId(body.questionId)) !== assembly.id) {
    throw new ValidationError('这个问题不属于这场股东大会', [{ in: 'body', path: ['questionId'], message: 'not a question of this assembly' }]);
  }
  await clearCharityText(deps, callerId, [body.text]);
  const record: PromiseRecord = {
    id: ulid(),
    dreamId: dream.id,
    assemblyId: assembly.id,
    questionId: body.questionId ?? null,
    text: body.text,
    dueDate: body.dueDate,
    status: 'in_progress',
    charityId: callerId,
    createdAt: now.toISOString(),
    doneAt: null,
    settledAt: null,
    note: null,
  };
  await deps.promises.add(record);
  return promiseView(record, now, zone);
}

/** POST /promises/{id}/status: done (its donors are told, from the stream) or unmet; final either way. */
export async function settlePromise(deps: PromiseDeps, callerId: string, promiseId: string, body: SettlePromiseBody): Promise<PromiseView> {
  const record = await deps.promises.get(promiseId);
  if (!record) throw new NotFoundError('没有这项承诺');
  requireAdopter(await deps.assemblyFacts.dream(record.dreamId), callerId);
  const now = deps.clock.now();
  const next = settle(record, body.status, body.note ?? null, now);
  if (body.note) await clearCharityText(deps, callerId, [body.note]);
  // Two answers at once: the stored status decides, so a promise ends once.
  if (!(await deps.promises.settle(next))) throw promiseSettled();
  return promiseView(next, now, deps.config.rules.timezone);
}

/** GET /dreams/{id}/promises: all of them, the latest due date first. */
export async function dreamPromises(deps: PromiseDeps, dreamId: string): Promise<{ items: PromiseView[] }> {
  const dream = await deps.assemblyFacts.dream(dreamId);
  if (!dream) throw new NotFoundError('没有这个梦想');
  const now = deps.clock.now();
  const records = (await deps.promises.ofDream(dream.id)).sort(byDueDateNewestFirst);
  return { items: records.map((record) => promiseView(record, now, deps.config.rules.timezone)) };
}
