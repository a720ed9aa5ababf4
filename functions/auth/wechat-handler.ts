import { signInWithWechatRoute } from '../contract/auth';
import { wechatDeps } from '../wiring';
import { httpRoute } from '../shared/http';
import { signInWithWechat } from './sign-in';

/** POST /auth/wechat — wx.login's code for a token; the session key stays on the server. */
export const handler = httpRoute(signInWithWechatRoute, {
  handle: async ({ body, sourceIp }) => signInWithWechat(await wechatDeps(), body.code, sourceIp),
});
