import { z } from 'zod';
import { ROLES } from './enums';
import { FIELDS } from './fields';
import { route } from './route';
import { named, text } from './schema-kit';
import { user } from './common';

export const signedIn = named(z.object({ token: z.string(), user }), 'SignedIn');
export type SignedIn = z.infer<typeof signedIn>;

export const wechatSignInBody = z.object({ code: z.string().min(FIELDS.wechatCode.min).max(FIELDS.wechatCode.max) });

export const devSignInBody = z.object({
  openid: z
    .string()
    .min(FIELDS.openid.min)
    .max(FIELDS.openid.max)
    .regex(/^[\w.\-@:]+$/, 'openid may contain letters, digits and _ . - @ :'),
  nickname: text(FIELDS.nickname).optional(),
  roles: z.array(z.enum(ROLES)).max(ROLES.length).optional(),
});
export type DevSignInInput = z.infer<typeof devSignInBody>;

export const signInWithWechatRoute = route({
  method: 'POST',
  path: '/auth/wechat',
  summary: 'Sign in with the code of wx.login (code2Session on the server; the session key never leaves it)',
  source: 'fixed',
  tag: 'auth',
  auth: 'none',
  body: wechatSignInBody,
  status: 200,
  response: signedIn,
  errors: [
    { status: 401, code: 'WECHAT_LOGIN_FAILED', when: 'code2Session answers an errcode' },
    { status: 429, code: 'RATE_LIMITED', when: 'past rules.quotas.failedLoginsPerMinute failed codes from this address' },
  ],
});

export const signInForDevRoute = route({
  method: 'POST',
  path: '/auth/dev',
  summary: 'Sign in as any openid with the given roles (STAGE local and test only)',
  source: 'fixed',
  tag: 'auth',
  auth: 'none',
  localStagesOnly: true,
  body: devSignInBody,
  status: 200,
  response: signedIn,
});
