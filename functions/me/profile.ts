import type { UpdateProfileBody } from '../contract/me';
import type { UserRepository } from '../domain/ports';
import type { ProfileWriter } from '../domain/user';
import type { ContentSafetyPort } from '../domain/wechat';
import { NotFoundError, RuleViolation } from '../domain/errors';
import type { PhotoCheckDeps } from '../uploads/uploads';
import { acceptAvatar, profileUserView } from './avatar';

export interface ProfileDeps extends PhotoCheckDeps {
  users: Pick<UserRepository, 'findById'>;
  profiles: ProfileWriter;
  contentSafety: ContentSafetyPort;
}

/**
 * PUT /me/profile: a nickname shows publicly (donor and team lists), so WeChat checks it first; a
 * risky one is refused and nothing is stored. An avatar is the caller's own upload; it shows once
 * WeChat's image check passed it.
 */
export async function updateProfile(deps: ProfileDeps, userId: string, input: UpdateProfileBody) {
  const me = await deps.users.findById(userId);
  if (!me) throw new NotFoundError('用户不存在');
  // The avatar's 400s and its risky 409 before the nickname's check (the contract's order).
  const avatarUploadId = input.avatarUploadId ? await acceptAvatar(deps, userId, input.avatarUploadId) : undefined;
  const verdict = await deps.contentSafety.checkText({ openid: me.openid, content: input.nickname });
  if (!verdict.pass) throw new RuleViolation('CONTENT_UNSAFE', '昵称未通过内容安全检查，请换一个');
  const updated = await deps.profiles.setProfile(userId, { nickname: input.nickname, avatarUploadId });
  if (!updated) throw new NotFoundError('用户不存在');
  return { user: await profileUserView(deps, updated) };
}
