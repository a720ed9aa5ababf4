import type { DevSignInInput, SignedIn } from '../contract/auth';
import type { TokenIssuer, UserRepository } from '../domain/ports';
import { defaultNickname, publicUser, rolesWithDonor } from '../domain/user';
import type { WechatAuthPort } from '../domain/wechat';

export interface SignInDeps {
  users: UserRepository;
  tokens: TokenIssuer;
}

/** wx.login code → code2Session → the user of that openid (created on first sign-in); session_key stays here. */
export async function signInWithWechat(deps: SignInDeps & { wechat: WechatAuthPort }, code: string): Promise<SignedIn> {
  const session = await deps.wechat.code2Session(code);
  const { user } = await deps.users.findOrCreateByOpenid(session.openid, {
    nickname: defaultNickname(session.openid),
    roles: rolesWithDonor(),
  });
  await deps.users.saveSessionKey(user.id, session.sessionKey);
  return { token: await deps.tokens.issue({ userId: user.id }), user: publicUser(user) };
}

/** Local/test sign-in: the same openid is the same user, whose roles become donor plus the given ones. */
export async function signInForDev(deps: SignInDeps, input: DevSignInInput): Promise<SignedIn> {
  const roles = rolesWithDonor(input.roles);
  const { user: found, created } = await deps.users.findOrCreateByOpenid(input.openid, {
    nickname: input.nickname ?? defaultNickname(input.openid),
    roles,
  });
  const sameRoles = found.roles.length === roles.length && found.roles.every((role, index) => role === roles[index]);
  const user =
    created || sameRoles
      ? found
      : await deps.users.changeRoles(found.id, found.roles, roles, { actor: { kind: 'system', id: 'auth-dev', label: '开发登录' }, reason: null });
  return { token: await deps.tokens.issue({ userId: user.id }), user: publicUser(user) };
}
