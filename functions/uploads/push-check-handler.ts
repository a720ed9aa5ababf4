import { wechatPushCheckRoute } from '../contract/uploads';
import { pushDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { asText } from '../shared/http-outside';
import { answerPushCheck } from './uploads';

/** GET /wechat/push — WeChat's check of the push URL (echoes `echostr` to a signed request). */
export const handler = asText(
  httpRoute(wechatPushCheckRoute, {
    handle: async ({ query }) => answerPushCheck(await pushDeps(), query),
  }),
);
