import { wechatPushRoute } from '../contract/uploads';
import { pushDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { asText } from '../shared/http-outside';
import { receiveWechatPush } from './uploads';

/** POST /wechat/push — WeChat's signed message push (image-check verdicts). */
export const handler = asText(
  httpRoute(wechatPushRoute, {
    handle: async ({ query, body }) => receiveWechatPush(await pushDeps(), query, body),
  }),
);
