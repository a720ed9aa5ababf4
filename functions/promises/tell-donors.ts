import { fanoutJobId, firstChunks, type FanoutJob, type FanoutMessage } from '../domain/fanout';
import type { DreamRecord } from '../domain/dream';
import { assemblyMinutesMessage, promiseDoneMessage } from '../domain/promise-notices';
import type { FanoutDeps } from '../events/fanout';

/**
 * Telling every donor of a dream what the charity reported back, from the stream: an assembly's
 * minutes published, a promise done. One fan-out job per event, named by the event (`<kind>-<id>`):
 * a repeated stream record finds its job and starts nothing, and each person's notification
 * carries its own once-only marker.
 */
type StartDeps = Pick<FanoutDeps, 'clock' | 'audience' | 'fanout'>;

export interface ClosedAssembly {
  id: string;
  dreamId: string;
  title: string;
  closedAt?: string | null;
}

export interface DonePromise {
  id: string;
  dreamId: string;
  text: string;
  doneAt?: string | null;
}

/** An assembly closed by its minutes: every donor of its dream gets `assembly_minutes`. */
export function startAssemblyMinutesJob(deps: StartDeps, assembly: ClosedAssembly) {
  return startDonorJob(deps, 'assembly_minutes', assembly.id, assembly.dreamId, (dream, now) =>
    assemblyMinutesMessage({ id: assembly.id, title: assembly.title, closedAt: assembly.closedAt ?? null }, dream, now),
  );
}

/** A promise marked done: every donor of its dream gets `promise_done`. */
export function startPromiseDoneJob(deps: StartDeps, promise: DonePromise) {
  return startDonorJob(deps, 'promise_done', promise.id, promise.dreamId, (dream, now) =>
    promiseDoneMessage({ id: promise.id, dreamId: promise.dreamId, text: promise.text, doneAt: promise.doneAt ?? null }, dream, now),
  );
}

async function startDonorJob(
  deps: StartDeps,
  kind: 'assembly_minutes' | 'promise_done',
  refId: string,
  dreamId: string,
  messageOf: (dream: DreamRecord, now: string) => FanoutMessage,
): Promise<{ started: boolean; job: FanoutJob | null }> {
  const dream = await deps.audience.dream(dreamId);
  if (!dream) return { started: false, job: null };
  const now = deps.clock.now();
  const job: FanoutJob = {
    id: fanoutJobId(kind, refId),
    kind,
    refId,
    dreamId: dream.id,
    shards: dream.shardCount,
    expected: await deps.audience.donorCount(dream),
    message: messageOf(dream, now.toISOString()),
    createdAt: now.toISOString(),
  };
  return { started: await deps.fanout.start(job, firstChunks(job, now)), job };
}
