import { randomInt } from 'node:crypto';
import type { DevSignInInput, SignedIn } from '../contract/auth';
import type { TokenIssuer, UserRepository } from '../domain/ports';
import { defaultNickname, publicUser, rolesWithDonor } from '../domain/user';
import type { WechatAuthPort, WechatSession } from '../domain/wechat';
import { WechatLoginFailedError } from '../domain/errors';
import { quotaSpecs, type Quotas } from '../domain/quota';
import type { Clock } from '../domain/ports';
import type { Rules } from '../shared/config';

/** A fresh public nickname: a random number, so nothing about the openid shows in donor lists. */
export const newDefaultNickname = (): string => defaultNickname(randomInt(10_000));

export interface SignInDeps {
  users: UserRepository;
  tokens: TokenIssuer;
}

export interface WechatSignInDeps extends SignInDeps {
  wechat: WechatAuthPort;
  quotas: Quotas;
  clock: Clock;
  config: { rules: Pick<Rules, 'quotas'> };
}

/**
 * wx.login code → code2Session → the user of that openid (created on first sign-in); session_key
 * stays here. Failed codes count against the caller's address: past the quota, 429 before WeChat
 * is even asked.
 */
export async function signInWithWechat(deps: WechatSignInDeps, code: string, from: string): Promise<SignedIn> {
  const failures = quotaSpecs(deps.config.rules.quotas).failedLogins;
  const subject = `ip:${from}`;
  await deps.quotas.check(subject, failures, deps.clock.now());
  let session: WechatSession;
  try {
    session = await deps.wechat.code2Session(code);
  } catch (err) {
    // This attempt is answered 401 whatever the count; the next one past the quota gets 429.
    if (err instanceof WechatLoginFailedError) await deps.quotas.take(subject, failures, deps.clock.now()).catch(() => undefined);
    throw err;
  }
  const { user } = await deps.users.findOrCreateByOpenid(session.openid, {
    nickname: newDefaultNickname(),
    roles: rolesWithDonor(),
  });
  await deps.users.saveSessionKey(user.id, session.sessionKey);
  return { token: await deps.tokens.issue({ userId: user.id }), user: publicUser(user) };
}

/** Local/test sign-in: the same openid is the same user, whose roles become donor plus the given ones. */
export async function signInForDev(deps: SignInDeps, input: DevSignInInput): Promise<SignedIn> {
  const roles = rolesWithDonor(input.roles);
  const { user: found, created } = await deps.users.findOrCreateByOpenid(input.openid, {
    nickname: input.nickname ?? newDefaultNickname(),
    roles,
  });
  const sameRoles = found.roles.length === roles.length && found.roles.every((role, index) => role === roles[index]);
  const user =
    created || sameRoles
      ? found
      : await deps.users.changeRoles(found.id, found.roles, roles, { actor: { kind: 'system', id: 'auth-dev', label: '开发登录' }, reason: null });
  return { token: await deps.tokens.issue({ userId: user.id }), user: publicUser(user) };
}
