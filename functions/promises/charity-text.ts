import { checkPublicText, contentUnsafe, SCENE } from '../domain/content-safety';
import type { UserRepository } from '../domain/ports';
import type { ContentSafetyPort } from '../domain/wechat';

/**
 * WeChat's text check of what the charity writes into an assembly (a promise, a poll). These texts
 * are read at once, during or right after the meeting: a text WeChat asks a person to look at (or
 * cannot check now) is refused like a risky one rather than held, because a promise or a poll
 * waiting for an admin would miss the meeting it belongs to.
 */
export async function clearCharityText(
  deps: { contentSafety: ContentSafetyPort; users: Pick<UserRepository, 'findById'> },
  charityId: string,
  texts: readonly string[],
): Promise<void> {
  const charity = await deps.users.findById(charityId);
  const verdict = await checkPublicText(deps, { openid: charity?.openid ?? '' }, texts, SCENE.forum);
  if (verdict.held) throw contentUnsafe();
}
