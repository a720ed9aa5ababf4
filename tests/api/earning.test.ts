import { dayBoundsSeconds, dayOf } from '../../functions/domain/calendar';
import { encryptOpenData } from '../../functions/adapters/wechat/open-data';
import { call, devSignIn } from '../support/http-client';
import questionBank from '../../functions/quiz/question-bank.json';

jest.setTimeout(120_000);

const fake = (path: string, body: unknown) =>
  fetch(`${process.env.FAKE_WECHAT_URL}${path}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);

/** Plays WeChat: wx.login on the fake, then POST /auth/wechat, then WeRun data under that session_key. */
async function wechatUser() {
  const openid = `werun-${Date.now()}-${Math.random().toString(16).slice(2, 8)}`;
  const { code, sessionKey } = await fake('/__fake__/login-codes', { openid });
  const login = await call('POST', '/auth/wechat', { body: { code } });
  expect(login.status).toBe(200);
  const today = dayOf(new Date(), 'Asia/Shanghai');
  const [start] = dayBoundsSeconds(today, 'Asia/Shanghai');
  const werun = (steps: number, options: { appid?: string; key?: string } = {}) =>
    encryptOpenData(
      {
        stepInfoList: [
          { timestamp: start - 86_400, step: 99_000 },
          { timestamp: start, step: steps },
        ],
        watermark: { appid: options.appid ?? 'wx4f4bc4dec97d474b', timestamp: start },
      },
      options.key ?? sessionKey,
    );
  return { token: login.body.token as string, openid, sessionKey, today, werun };
}

describe('POST /steps/donations through the full WeChat path', () => {
  it("decrypts today's steps with the session_key from login and credits the flowers", async () => {
    const user = await wechatUser();
    const preview = await call('POST', '/steps/preview', { token: user.token, body: user.werun(8_888) });
    expect(preview.body).toMatchObject({ date: user.today, steps: 8_888, flowers: 8, donatedToday: false });
    const answer = await call('POST', '/steps/donations', { token: user.token, body: user.werun(8_888), headers: { 'idempotency-key': 'steps-1' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ date: user.today, steps: 8_888, flowers: 8, balance: 8 });
    const ledger = await call('GET', '/me/ledger', { token: user.token });
    expect(ledger.body.items[0]).toMatchObject({ reason: 'steps', delta: 8, refId: user.today });
  });

  it("the fake WeChat's own getWeRunData payload decrypts too", async () => {
    const user = await wechatUser();
    const [start] = dayBoundsSeconds(user.today, 'Asia/Shanghai');
    const werun = await fake('/__fake__/werun-data', { openid: user.openid, stepInfoList: [{ timestamp: start, step: 20_500 }] });
    const answer = await call('POST', '/steps/donations', { token: user.token, body: werun });
    expect(answer.body).toMatchObject({ steps: 20_500, flowers: 20 });
  });

  it('tampered ciphertext, another app id and a stale session_key are 400 INVALID_WERUN_DATA and use up nothing', async () => {
    const user = await wechatUser();
    const good = user.werun(5_000);
    const bytes = Buffer.from(good.encryptedData, 'base64');
    // Flip a byte of the first block: it garbles the start of the JSON (CBC has no MAC, so a
    // flip near the end could, rarely, still parse — WeChat's format cannot detect that).
    bytes[5] ^= 0xff;
    const tampered = { ...good, encryptedData: bytes.toString('base64') };
    for (const body of [tampered, user.werun(5_000, { appid: 'wx0000000000000000' }), user.werun(5_000, { key: Buffer.alloc(16, 3).toString('base64') })]) {
      const answer = await call('POST', '/steps/donations', { token: user.token, body });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('INVALID_WERUN_DATA');
    }
    expect((await call('POST', '/steps/donations', { token: user.token, body: good })).status).toBe(200);
  });

  it('a second donation of the day is 409 ALREADY_DONATED_TODAY, also for 10 concurrent posts', async () => {
    const user = await wechatUser();
    const answers = await Promise.all(Array.from({ length: 10 }, () => call('POST', '/steps/donations', { token: user.token, body: user.werun(15_000) })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    answers.filter((a) => a.status !== 200).forEach((a) => expect([a.status, a.body.error.code]).toEqual([409, 'ALREADY_DONATED_TODAY']));
    expect((await call('GET', '/me', { token: user.token })).body.flowers.balance).toBe(15);
  });

  it('caps at 20 flowers, refuses under 1,000 (without using the day) and above 100,000', async () => {
    const user = await wechatUser();
    const few = await call('POST', '/steps/donations', { token: user.token, body: user.werun(999) });
    expect([few.status, few.body.error.code]).toEqual([409, 'NOT_ENOUGH_STEPS']);
    const many = await call('POST', '/steps/donations', { token: user.token, body: user.werun(100_001) });
    expect([many.status, many.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const capped = await call('POST', '/steps/donations', { token: user.token, body: user.werun(100_000) });
    expect(capped.body.flowers).toBe(20);
  });

  it('the step history lists the donation for the 7-day chart', async () => {
    const { token } = await devSignIn();
    await call('POST', '/steps/donations', { token, body: { steps: 4_321 } });
    const history = await call('GET', '/steps/donations?limit=7', { token });
    expect(history.body.items).toEqual([expect.objectContaining({ steps: 4_321, flowers: 4 })]);
  });
});

describe('quiz over HTTP', () => {
  it('GET /quiz/today never carries answers; answering gives the explanation', async () => {
    const { token } = await devSignIn();
    const quiz = await call('GET', '/quiz/today', { token });
    expect(quiz.status).toBe(200);
    expect(quiz.body.questions).toHaveLength(3);
    expect(quiz.text).not.toMatch(/"answer"|explanation/);
    const [q] = quiz.body.questions;
    const answer = await call('POST', '/quiz/answers', { token, body: { questionId: q.id, choice: 0 } });
    expect(answer.status).toBe(200);
    expect(typeof answer.body.explanation).toBe('string');
    const again = await call('POST', '/quiz/answers', { token, body: { questionId: q.id, choice: 1 } });
    expect([again.status, again.body.error.code]).toEqual([409, 'ALREADY_ANSWERED']);
    const outOfRange = await call('POST', '/quiz/answers', { token, body: { questionId: quiz.body.questions[1].id, choice: 7 } });
    expect(outOfRange.status).toBe(400);
    const unknown = await call('POST', '/quiz/answers', { token, body: { questionId: 'q999', choice: 0 } });
    expect(unknown.status).toBe(404);
  });

  it('a wrong answer names the right option', async () => {
    // Arrange: a choice the bank says is wrong for one of today's questions
    const { token } = await devSignIn();
    const [q] = (await call('GET', '/quiz/today', { token })).body.questions;
    const right = questionBank.find((b) => b.id === q.id)!.answer;
    const wrong = right === 0 ? 1 : 0;
    // Act
    const answer = await call('POST', '/quiz/answers', { token, body: { questionId: q.id, choice: wrong } });
    // Assert
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ correct: false, flowers: 0, correctChoice: right });
  });
});

describe('low-carbon actions over HTTP', () => {
  it('the demo merchant scans a member code: the person earns 1 flower; the code is single-use', async () => {
    const person = await devSignIn();
    const merchant = await call('POST', '/auth/dev', { body: { openid: 'demo-merchant', roles: ['merchant'] } });
    const stores = await call('GET', '/me/stores', { token: merchant.body.token });
    expect(stores.body.items[0]).toMatchObject({ status: 'active' });
    const { body: memberCode } = await call('GET', '/me/member-code', { token: person.token });
    expect(new Date(memberCode.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const first = await call('POST', '/lowcarbon/actions', { token: merchant.body.token, body: { code: memberCode.code, action: 'own_cup' } });
    expect(first.status).toBe(201);
    expect(first.body.action).toMatchObject({ action: 'own_cup', flowers: 1 });
    const second = await call('POST', '/lowcarbon/actions', { token: merchant.body.token, body: { code: memberCode.code, action: 'own_cup' } });
    expect([second.status, second.body.error.code]).toEqual([409, 'MEMBER_CODE_USED']);
    expect((await call('GET', '/me', { token: person.token })).body.flowers.balance).toBe(1);
  });

  it('a person who is not a merchant gets 403; a forged code 400 INVALID_MEMBER_CODE', async () => {
    const person = await devSignIn();
    const { body: memberCode } = await call('GET', '/me/member-code', { token: person.token });
    const notMerchant = await call('POST', '/lowcarbon/actions', { token: person.token, body: { code: memberCode.code, action: 'own_cup' } });
    expect(notMerchant.status).toBe(403);
    const merchant = await call('POST', '/auth/dev', { body: { openid: 'demo-merchant', roles: ['merchant'] } });
    const forged = await call('POST', '/lowcarbon/actions', {
      token: merchant.body.token,
      body: { code: `${memberCode.code.slice(0, -4)}AAAA`, action: 'own_cup' },
    });
    expect([forged.status, forged.body.error.code]).toEqual([400, 'INVALID_MEMBER_CODE']);
  });
});
