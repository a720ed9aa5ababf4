import { photoCheckDeps } from '../wiring';
import { streamHandler } from '../shared/stream';
import { askImageCheck } from '../uploads/uploads';

/**
 * The table's stream, filtered (serverless.yml) to photos a letter kept: each is sent to WeChat's
 * image check once (its verdict comes back by signed push). A consumer of its own, so only it
 * carries the S3 signer and WeChat's media check, and the dispatcher keeps within Lambda's filters.
 */
export const handler = streamHandler('photos', async (change) => {
  const item = change.newImage;
  if (item?.type === 'UPLOAD' && item.mediaState === 'to_check') await askImageCheck(await photoCheckDeps(), item.id as string);
});
