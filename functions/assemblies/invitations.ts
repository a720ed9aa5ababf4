import { assemblyInvitedMessage } from '../domain/assembly-invitation';
import { fanoutJobId, firstChunks, type DreamAudienceReader, type FanoutJob, type FanoutStore } from '../domain/fanout';
import type { Clock } from '../domain/ports';

/** What the stream record of a scheduled assembly carries (the item itself). */
export interface ScheduledAssembly {
  id: string;
  dreamId: string;
  title: string;
  startsAt: string;
}

/**
 * An assembly scheduled (its item's INSERT on the stream): one fan-out job invites every donor of
 * the dream, each once, however small their gift; a redelivered record finds the job it started.
 */
export async function startAssemblyInvitedJob(
  deps: { clock: Clock; audience: DreamAudienceReader; fanout: FanoutStore },
  assembly: ScheduledAssembly,
): Promise<{ started: boolean; job: FanoutJob | null }> {
  const dream = await deps.audience.dream(assembly.dreamId);
  if (!dream) return { started: false, job: null };
  const now = deps.clock.now();
  const job: FanoutJob = {
    id: fanoutJobId('assembly_invited', assembly.id),
    kind: 'assembly_invited',
    refId: assembly.id,
    dreamId: dream.id,
    shards: dream.shardCount,
    expected: await deps.audience.donorCount(dream),
    message: assemblyInvitedMessage(assembly, dream),
    createdAt: now.toISOString(),
  };
  return { started: await deps.fanout.start(job, firstChunks(job, now)), job };
}
