import { eventDeps } from '../wiring';
import { streamHandler } from '../shared/stream';
import { startDreamExecutableJob, startLetterClock, startLetterJob, tellLateDonor, tellMealRedeemed, tellMealRefunded } from './fanout';

/**
 * The table's stream, filtered (serverless.yml) to these changes: a dream that reached its target
 * (open → executable) starts the job that tells its donors; a dream adopted starts the clock for its
 * first letter; a new donor of a dream already past its target is told on their own; a letter
 * published (in_review → published) starts the job that puts it in every donor's letterbox; a love
 * meal eaten tells its donor, and so does a refund that succeeded. (Photos to check have their own consumer: photo-check-handler.ts.)
 */
export const handler = streamHandler('events', async (change) => {
  const item = change.newImage;
  if (!item) return;
  if (item.type === 'DREAM' && change.oldImage?.status === 'open' && item.status === 'executable') {
    await startDreamExecutableJob(await eventDeps(), item.id as string);
  } else if (item.type === 'DREAM' && change.oldImage?.status === 'executable' && item.status === 'adopted') {
    await startLetterClock(await eventDeps(), item.id as string);
  } else if (item.type === 'LETTER' && change.oldImage?.status === 'in_review' && item.status === 'published') {
    await startLetterJob(await eventDeps(), item.id as string);
  } else if (item.type === 'MEAL_REDEMPTION' && change.eventName === 'INSERT') {
    await tellMealRedeemed(await eventDeps(), item as { id: string; donorId: string; storeName: string; createdAt: string });
  } else if (item.type === 'MEAL_REFUND' && item.status === 'succeeded' && change.oldImage?.status !== 'succeeded') {
    await tellMealRefunded(await eventDeps(), item as { id: string; donorId: string; storeName: string; meals: number; amountFen: number });
  } else if (item.type === 'DREAM_DONOR' && change.eventName === 'INSERT') {
    await tellLateDonor(await eventDeps(), { dreamId: item.dreamId as string, userId: item.userId as string });
  }
});
