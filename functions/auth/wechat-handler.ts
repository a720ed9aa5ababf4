import { z } from 'zod';
import { wechatDeps } from '../shared/deps';
import { httpRoute } from '../shared/http';
import { signInWithWechat } from './sign-in';

const body = z.object({ code: z.string().min(1).max(128) });

export const handler = httpRoute({
  auth: 'none',
  body,
  handle: async ({ body }) => signInWithWechat(await wechatDeps(), body.code),
});
