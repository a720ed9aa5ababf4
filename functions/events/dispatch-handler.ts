import { eventDeps, spotCheckDeps } from '../wiring';
import { drawSpotCheck } from '../spot-checks/spot-checks';
import { streamHandler } from '../shared/stream';
import { startAssemblyInvitedJob } from '../assemblies/invitations';
import { startAssemblyMinutesJob, startPromiseDoneJob } from '../promises/tell-donors';
import { classifyChange, type TableEvent } from './classify';
import {
  startDistributionClosedJob,
  startDreamExecutableJob,
  startLetterClock,
  startLetterJob,
  startLetterRetractedJob,
  tellLateDonor,
  tellMealRedeemed,
  tellMealRefunded,
  type FanoutDeps,
} from './fanout';

/**
 * The table's stream, filtered (serverless.yml) to the changes the backbone acts on; classify.ts
 * says which event each one is, and this hands it to its use case. (Photos to check have their own
 * consumer: photo-check-handler.ts.)
 */
export const handler = streamHandler('events', async (change) => {
  const event = classifyChange(change);
  if (event) await dispatch(await eventDeps(), event);
});

async function dispatch(deps: FanoutDeps, event: TableEvent): Promise<unknown> {
  switch (event.kind) {
    case 'dream_reached_target':
      return startDreamExecutableJob(deps, event.dreamId);
    case 'dream_adopted':
      return startLetterClock(deps, event.dreamId);
    case 'letter_published':
      return startLetterJob(deps, event.letterId);
    case 'letter_retracted':
      return startLetterRetractedJob(deps, event.letterId);
    case 'meal_redeemed':
      return tellMealRedeemed(deps, event.redemption);
    case 'meal_refunded':
      return tellMealRefunded(deps, event.refund);
    case 'first_gift':
      return tellLateDonor(deps, event.donor);
    case 'assembly_scheduled':
      return startAssemblyInvitedJob(deps, event.assembly);
    case 'assembly_minutes':
      return startAssemblyMinutesJob(deps, event.assembly);
    case 'promise_done':
      return startPromiseDoneJob(deps, event.promise);
    case 'distribution_closed':
      // Drawn once: a repeated record finds the draw and leaves it as it is. Every donor is told
      // once too: a repeated record finds the job it started.
      await drawSpotCheck(await spotCheckDeps(), event.distributionId);
      return startDistributionClosedJob(deps, event.distributionId);
  }
}
