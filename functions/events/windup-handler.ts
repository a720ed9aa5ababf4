import { askRefund, windupPage } from '../meals/windup';
import { windupDeps } from '../wiring';
import { streamHandler } from '../shared/stream';

/**
 * The table's stream, filtered (serverless.yml) to a suspended store's wind-up and its refunds:
 * a running wind-up's record does one page of lots (its advance hands on the next); a refund's
 * record asks WeChat Pay for it. A consumer of its own, so only it carries WeChat Pay's refunds.
 */
export const handler = streamHandler('windup', async (change) => {
  const item = change.newImage;
  if (item?.type === 'STORE_WINDUP' && item.status === 'running') await windupPage(await windupDeps(), item.storeId as string, item.page as number);
  else if (item?.type === 'MEAL_REFUND' && change.eventName === 'INSERT') await askRefund(await windupDeps(), item.id as string);
});
