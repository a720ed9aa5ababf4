import { checkPublicText, mayReadHeld, SCENE } from '../../functions/domain/content-safety';
import type { ContentSafetyPort } from '../../functions/domain/wechat';

function wechatSaying(suggest: 'pass' | 'review' | 'risky' | Error) {
  const calls: Parameters<ContentSafetyPort['checkText']>[0][] = [];
  const contentSafety: ContentSafetyPort = {
    async checkText(input) {
      calls.push(input);
      if (suggest instanceof Error) throw suggest;
      return { pass: suggest === 'pass', suggest };
    },
  };
  return { contentSafety, calls };
}

describe('checkPublicText', () => {
  it('passes clean text, asking WeChat with the writer’s openid and the scene', async () => {
    const wechat = wechatSaying('pass');

    const verdict = await checkPublicText(wechat, { openid: 'o-writer' }, ['标题', '故事'], SCENE.forum);

    expect(verdict).toEqual({ held: false });
    expect(wechat.calls).toEqual([{ openid: 'o-writer', content: '标题\n故事', scene: 3 }]);
  });

  it('refuses risky text with 409 CONTENT_UNSAFE', async () => {
    const checking = checkPublicText(wechatSaying('risky'), { openid: 'o-writer' }, ['队名'], SCENE.forum);

    await expect(checking).rejects.toMatchObject({ status: 409, code: 'CONTENT_UNSAFE' });
  });

  it('holds text WeChat wants a person to look at, and text it could not check', async () => {
    const review = await checkPublicText(wechatSaying('review'), { openid: 'o-writer' }, ['队名'], SCENE.forum);
    const unreachable = await checkPublicText(wechatSaying(new Error('timeout')), { openid: 'o-writer' }, ['队名'], SCENE.forum);

    expect([review, unreachable]).toEqual([{ held: true }, { held: true }]);
  });
});

describe('mayReadHeld', () => {
  it('shows a held object to its writer and admins only', () => {
    const held = { held: true };

    expect(mayReadHeld(held, 'writer', { userId: 'writer', isAdmin: false })).toBe(true);
    expect(mayReadHeld(held, 'writer', { userId: 'admin', isAdmin: true })).toBe(true);
    expect(mayReadHeld(held, 'writer', { userId: 'other', isAdmin: false })).toBe(false);
    expect(mayReadHeld(held, 'writer', null)).toBe(false);
    expect(mayReadHeld({}, 'writer', null)).toBe(true);
  });
});
