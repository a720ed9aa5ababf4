import { paymentNotifyRoute } from '../contract/meals';
import { paymentNotifyDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { asWechatPayAnswer } from '../shared/http-outside';
import { receivePaymentNotification } from './donations';

/** POST /payments/wechatpay/notify — WeChat Pay's notifications, checked over the raw body. */
export const handler = asWechatPayAnswer(
  httpRoute(paymentNotifyRoute, {
    handle: async ({ headers, rawBody }) => receivePaymentNotification(await paymentNotifyDeps(), headers, rawBody),
  }),
);
