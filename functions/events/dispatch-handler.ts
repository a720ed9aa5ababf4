import { eventDeps } from '../wiring';
import { streamHandler } from '../shared/stream';
import { classifyChange, type TableEvent } from './classify';
import {
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
  }
}
