import { eventDeps } from '../wiring';
import { streamHandler } from '../shared/stream';
import { runChunk } from './fanout';

/** Fan-out chunks (serverless.yml filters the stream to them): each record is one page of one chunk. */
export const handler = streamHandler('fanout', async (change) => {
  const chunk = change.newImage;
  if (!chunk || chunk.type !== 'FANOUT_CHUNK' || chunk.done) return;
  await runChunk(await eventDeps(), { jobId: chunk.jobId as string, shard: chunk.shard as number, seq: chunk.seq as number });
});
