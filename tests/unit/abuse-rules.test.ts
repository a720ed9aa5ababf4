import { checkText } from '../../functions/contract/text-rule';
import { shareOfQueue } from '../../functions/domain/dream';
import { quotaWindow, retryAfterSeconds } from '../../functions/domain/quota';
import { loadConfig } from '../../functions/shared/config';

describe('the text rule', () => {
  const title = { min: 4, max: 40 };
  it('trims (ideographic spaces too) and normalizes to NFC before counting', () => {
    expect(checkText('\u3000 梦想标题 \u3000', title)).toEqual({ ok: true, value: '梦想标题' });
    expect(checkText('  ab  ', title)).toMatchObject({ ok: false });
    expect(checkText('Cafe\u0301!', title)).toEqual({ ok: true, value: 'Café!' });
  });
  it('counts code points, not UTF-16 units', () => {
    expect(checkText('😀'.repeat(40), title)).toMatchObject({ ok: true });
    expect(checkText('😀'.repeat(41), title)).toMatchObject({ ok: false });
  });
  it.each([
    ['U+202E', 'abc\u202Edef'],
    ['U+2067', 'abc\u2067def'],
    ['U+200B', 'abc\u200Bdef'],
    ['U+FEFF', 'abc\uFEFFdef'],
    ['U+0000', 'abc\u0000def'],
    ['U+009B', 'abc\u009Bdef'],
    ['a lone high surrogate', 'abc\uD83Ddef'],
    ['a lone low surrogate', 'abc\uDE00def'],
    ['a joiner between letters', 'abc\u200Ddef'],
  ])('refuses %s', (_name, value) => {
    expect(checkText(value, title)).toMatchObject({ ok: false, problem: expect.stringMatching(/contains/) });
  });
  it('keeps line breaks only in long texts, and emoji joiners only inside emoji', () => {
    expect(checkText('第一段\r\n第二段', { ...title, multiline: true })).toEqual({ ok: true, value: '第一段\n第二段' });
    expect(checkText('第一段\n第二段', title)).toMatchObject({ ok: false });
    expect(checkText('👩🏽‍💻 程序员的梦想', title)).toMatchObject({ ok: true });
  });
});

describe('quota windows', () => {
  it('a day is the Asia/Shanghai day, and Retry-After runs to its end', () => {
    // 2026-12-01 15:59:30 UTC is 23:59:30 in Shanghai: 30 s left of the day.
    const now = new Date('2026-12-01T15:59:30Z');
    expect(quotaWindow(now, 86_400).end * 1000).toBe(Date.parse('2026-12-01T16:00:00Z'));
    expect(retryAfterSeconds(now, 86_400)).toBe(30);
    expect(retryAfterSeconds(now, 60)).toBe(30);
  });
});

describe('the review queue share', () => {
  it('shows at most n dreams of one proposer per page and counts the rest', () => {
    const page = ['a', 'a', 'b', 'a', 'a', 'c', 'a'].map((proposerId, i) => ({ proposerId, i }));
    const { shown, collapsed } = shareOfQueue(page, 2);
    expect(shown.map((d) => d.i)).toEqual([0, 1, 2, 5]);
    expect(collapsed).toEqual([{ proposerId: 'a', hidden: 3 }]);
  });
});

describe('stages', () => {
  it('test is a dev stage locally, but never inside AWS without a local endpoint', () => {
    expect(loadConfig({ STAGE: 'test' }).isLocalStage).toBe(true);
    expect(loadConfig({ STAGE: 'test', AWS_LAMBDA_FUNCTION_NAME: 'f', DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }).isLocalStage).toBe(true);
    // Deployed as `test`: no embedded app id or keys, so without its own settings it refuses to start.
    expect(() => loadConfig({ STAGE: 'test', AWS_LAMBDA_FUNCTION_NAME: 'f' })).toThrow(/WECHAT_APP_ID/);
    const deployed = loadConfig({
      STAGE: 'test',
      AWS_LAMBDA_FUNCTION_NAME: 'f',
      WECHAT_APP_ID: 'wxreal',
      WECHAT_APP_SECRET_PARAM: '/p/w',
      JWT_SECRET_PARAM: '/p/j',
    });
    expect(deployed.isLocalStage).toBe(false);
    expect(deployed.jwt.secret).toBeUndefined();
  });
});
