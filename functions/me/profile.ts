import type { UpdateProfileBody } from '../contract/me';
import type { UserRepository } from '../domain/ports';
import { publicUser, type ProfileWriter } from '../domain/user';
import type { ContentSafetyPort } from '../domain/wechat';
import { NotFoundError, RuleViolation } from '../domain/errors';

export interface ProfileDeps {
  users: Pick<UserRepository, 'findById'>;
  profiles: ProfileWriter;
  contentSafety: ContentSafetyPort;
}

/**
 * PUT /me/profile: a nickname shows publicly (donor and team lists), so WeChat checks it first; a
 * risky one is refused and nothing is stored.
 */
export async function updateProfile(deps: ProfileDeps, userId: string, input: UpdateProfileBody) {
  const me = await deps.users.findById(userId);
  if (!me) throw new NotFoundError('用户不存在');
  const verdict = await deps.contentSafety.checkText({ openid: me.openid, content: input.nickname });
  if (!verdict.pass) throw new RuleViolation('CONTENT_UNSAFE', '昵称未通过内容安全检查，请换一个');
  const updated = await deps.profiles.setNickname(userId, input.nickname);
  if (!updated) throw new NotFoundError('用户不存在');
  return { user: publicUser(updated) };
}
