import { HttpWechatClient, WechatApiError, type HttpWechatClientOptions, type MiniprogramState } from '../../functions/adapters/wechat/wechat-client';
import { SubscriptionMissingError, WechatSubscribeMessages } from '../../functions/adapters/wechat/subscribe-messages';
import type { WechatMessagingPort } from '../../functions/domain/wechat';
import { decryptOpenData } from '../../functions/adapters/wechat/open-data';
import { FAKE_WECHAT_APP } from '../../functions/shared/config';
import { WechatLoginFailedError } from '../../functions/domain/errors';
import { startFakeWechatServer, type FakeWechatServer, type RecordedSubscribeMessage } from '../../scripts/fake-wechat-server';

let fake: FakeWechatServer;

beforeAll(async () => {
  fake = await startFakeWechatServer({ port: 0 });
});
afterAll(async () => {
  await fake.close();
});

/** A client against the fake that records the path of every request it makes. */
function clientWithLog(overrides: Partial<HttpWechatClientOptions> & { miniprogramState?: MiniprogramState } = {}): {
  client: HttpWechatClient & WechatMessagingPort;
  paths: string[];
} {
  const paths: string[] = [];
  const fetchImpl: typeof fetch = (input, init) => {
    paths.push(new URL(String(input)).pathname);
    return fetch(input, init);
  };
  const client = new HttpWechatClient({
    apiBase: fake.url,
    appId: FAKE_WECHAT_APP.appId,
    appSecret: async () => FAKE_WECHAT_APP.appSecret,
    fetchImpl,
    ...overrides,
  });
  // Subscribe messages are their own module on the same client (its token).
  const messages = new WechatSubscribeMessages(client, overrides.miniprogramState);
  return { client: Object.assign(client, { sendSubscribeMessage: messages.sendSubscribeMessage.bind(messages) }), paths };
}

async function loginError(client: HttpWechatClient, code: string): Promise<unknown> {
  return client.code2Session(code).then(
    () => 'no error',
    (err: unknown) => err,
  );
}

async function messagesTo(openid: string): Promise<RecordedSubscribeMessage[]> {
  const response = await fetch(`${fake.url}/__fake__/messages?touser=${encodeURIComponent(openid)}`);
  return (await response.json()) as RecordedSubscribeMessage[];
}

describe('HttpWechatClient.code2Session against the fake WeChat', () => {
  it('exchanges a fresh login code for the openid and the session key', async () => {
    const { client } = clientWithLog();
    const { code, sessionKey } = fake.issueLoginCode('o-login-ok');

    const session = await client.code2Session(code);

    expect(session.openid).toBe('o-login-ok');
    expect(session.sessionKey).toBe(sessionKey);
    expect(session.unionid).toEqual(expect.any(String));
  });

  it('rotates the session key on every login', async () => {
    const { client } = clientWithLog();
    const first = await client.code2Session(fake.issueLoginCode('o-rotating').code);

    const second = await client.code2Session(fake.issueLoginCode('o-rotating').code);

    expect(second.openid).toBe(first.openid);
    expect(second.sessionKey).not.toBe(first.sessionKey);
  });

  it.each([
    ['a code used twice', 'reuse', 40163],
    ['an unknown code', 'never-issued-code', 40029],
    ['a rate-limited user', 'rate-limited-x', 45011],
    ['a high-risk user', 'high-risk-x', 40226],
  ])('fails with WechatLoginFailedError for %s', async (_name, codeKind, errcode) => {
    const { client } = clientWithLog();
    let code = codeKind;
    if (codeKind === 'reuse') {
      code = fake.issueLoginCode('o-reuse').code;
      await client.code2Session(code);
    }

    const err = await loginError(client, code);

    expect(err).toBeInstanceOf(WechatLoginFailedError);
    expect(err).toMatchObject({ wechatErrcode: errcode, status: 401, code: 'WECHAT_LOGIN_FAILED' });
    // WeChat's own answer rides along for the log.
    expect((err as Error).cause).toBeInstanceOf(WechatApiError);
    expect((err as Error).cause).toMatchObject({ errcode, errmsg: expect.any(String) });
  });

  it('fails with WechatLoginFailedError when the app secret is wrong', async () => {
    const { client } = clientWithLog({ appSecret: async () => 'not-the-secret' });

    const err = await loginError(client, fake.issueLoginCode('o-wrong-secret').code);

    expect(err).toBeInstanceOf(WechatLoginFailedError);
    expect(err).toMatchObject({ wechatErrcode: 40125 });
  });

  it('rejects a code after its five minutes', async () => {
    let clock = Date.now();
    const slowFake = await startFakeWechatServer({ now: () => clock });
    try {
      const { client } = clientWithLog({ apiBase: slowFake.url });
      const { code } = slowFake.issueLoginCode('o-late');
      clock += 5 * 60 * 1000;

      const err = await loginError(client, code);

      expect(err).toMatchObject({ wechatErrcode: 40029 });
    } finally {
      await slowFake.close();
    }
  });

  it('turns an unreachable server into a plain Error, not a login failure', async () => {
    const closed = await startFakeWechatServer({});
    await closed.close();
    const { client } = clientWithLog({ apiBase: closed.url });

    const err = await loginError(client, 'any-code');

    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(WechatLoginFailedError);
  });
});

describe("the fake's wire format", () => {
  it("uses WeChat's field names for jscode2session answers", async () => {
    const { code } = fake.issueLoginCode('o-wire');
    const query = new URLSearchParams({
      appid: FAKE_WECHAT_APP.appId,
      secret: FAKE_WECHAT_APP.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    });

    const ok = await fetch(`${fake.url}/sns/jscode2session?${query}`);
    const reused = await fetch(`${fake.url}/sns/jscode2session?${query}`);

    expect(ok.status).toBe(200);
    expect(Object.keys(await ok.json()).sort()).toEqual(['openid', 'session_key', 'unionid']);
    expect(reused.status).toBe(200);
    expect(await reused.json()).toEqual({ errcode: 40163, errmsg: 'code been used' });
  });

  it("encrypts WeRun data with the openid's current session key and our app's watermark", async () => {
    const { client } = clientWithLog();
    const { sessionKey } = await client.code2Session(fake.issueLoginCode('o-walker').code);
    const stepInfoList = [{ timestamp: 1764000000, step: 12345 }];
    const before = Math.floor(Date.now() / 1000);

    const response = await fetch(`${fake.url}/__fake__/werun-data`, {
      method: 'POST',
      body: JSON.stringify({ openid: 'o-walker', stepInfoList }),
    });
    const sealed = (await response.json()) as { encryptedData: string; iv: string };
    const opened = decryptOpenData<{ stepInfoList: unknown }>({ ...sealed, sessionKey, appId: FAKE_WECHAT_APP.appId });

    expect(opened.stepInfoList).toEqual(stepInfoList);
    // Stamped while the request ran, however slow the machine is.
    expect(opened.watermark.timestamp).toBeGreaterThanOrEqual(before);
    expect(opened.watermark.timestamp).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
  });

  it('answers data format error for a body that is not JSON and 404 for unknown paths', async () => {
    const badBody = await fetch(`${fake.url}/cgi-bin/stable_token`, { method: 'POST', body: '{nope' });
    const unknown = await fetch(`${fake.url}/cgi-bin/nothing-here`);

    expect(await badBody.json()).toEqual({ errcode: 47001, errmsg: 'data format error' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ errcode: -1, errmsg: 'not found' });
  });
});

describe('HttpWechatClient messaging and content safety', () => {
  it('sends a subscribe message that the fake records', async () => {
    const { client } = clientWithLog({ miniprogramState: 'developer' });
    const data = { thing1: { value: '小红花来信' }, time2: { value: '2026-11-25 10:00' } };

    await client.sendSubscribeMessage({ toOpenid: 'o-subscriber', templateId: 'tmpl-letter', page: 'pages/letters/index', data });

    expect(await messagesTo('o-subscriber')).toEqual([
      {
        touser: 'o-subscriber',
        template_id: 'tmpl-letter',
        page: 'pages/letters/index',
        data,
        miniprogram_state: 'developer',
        receivedAt: expect.any(String),
      },
    ]);
  });

  it('throws SubscriptionMissingError when the user has no subscription (43101)', async () => {
    const { client } = clientWithLog();

    const sending = client.sendSubscribeMessage({ toOpenid: 'unsubscribed-user', templateId: 't', data: {} });

    await expect(sending).rejects.toBeInstanceOf(SubscriptionMissingError);
    await expect(sending).rejects.toMatchObject({ errcode: 43101 });
  });

  it('passes clean text and flags text with a risky word', async () => {
    const { client } = clientWithLog();

    const clean = await client.checkText({ openid: 'o-writer', content: '感谢每一位捐出小红花的朋友' });
    const risky = await client.checkText({ openid: 'o-writer', content: '来参加网络赌博吧' });

    expect(clean).toEqual({ pass: true, suggest: 'pass', label: 100 });
    expect(risky).toEqual({ pass: false, suggest: 'risky', label: 20001 });
  });

  it('asks for a person’s look (review) in the scene given, and fails when WeChat cannot be reached', async () => {
    const { client } = clientWithLog();

    const review = await client.checkText({ openid: 'o-writer', content: '队名 FAKE_REVIEW', scene: 3 });
    const unreachable = client.checkText({ openid: 'o-writer', content: '队名 FAKE_UNREACHABLE', scene: 3 });

    expect(review).toEqual({ pass: false, suggest: 'review', label: 100 });
    await expect(unreachable).rejects.toThrow('WeChat /wxa/msg_sec_check request failed');
  });

  it('fetches the access token once and reuses it', async () => {
    const { client, paths } = clientWithLog();

    await client.checkText({ openid: 'o-writer', content: '你好' });
    await client.checkText({ openid: 'o-writer', content: '世界' });
    await client.sendSubscribeMessage({ toOpenid: 'o-cached', templateId: 't', data: {} });

    expect(paths.filter((p) => p === '/cgi-bin/stable_token')).toHaveLength(1);
    expect(paths).toHaveLength(4);
  });

  it('refreshes a rejected access token once and retries', async () => {
    const paths: string[] = [];
    let sends = 0;
    // The first send goes out with a token WeChat does not know, as after a token reset.
    const fetchImpl: typeof fetch = (input, init) => {
      const url = new URL(String(input));
      paths.push(url.pathname);
      if (url.pathname === '/cgi-bin/message/subscribe/send' && sends++ === 0) url.searchParams.set('access_token', 'revoked');
      return fetch(url, init);
    };
    const { client } = clientWithLog({ fetchImpl });

    await client.sendSubscribeMessage({ toOpenid: 'o-retry', templateId: 't', data: {} });

    expect(await messagesTo('o-retry')).toHaveLength(1);
    expect(paths.filter((p) => p === '/cgi-bin/message/subscribe/send')).toHaveLength(2);
    // Normal mode first, then force_refresh because WeChat still handed out the rejected token.
    expect(paths.filter((p) => p === '/cgi-bin/stable_token')).toHaveLength(3);
  });

  it('gives up after one refresh when the token keeps being rejected', async () => {
    const fetchImpl: typeof fetch = (input, init) => {
      const url = new URL(String(input));
      if (url.pathname === '/cgi-bin/message/subscribe/send') url.searchParams.set('access_token', 'revoked');
      return fetch(url, init);
    };
    const { client } = clientWithLog({ fetchImpl });

    const sending = client.sendSubscribeMessage({ toOpenid: 'o-never', templateId: 't', data: {} });

    await expect(sending).rejects.toBeInstanceOf(WechatApiError);
    await expect(sending).rejects.toMatchObject({ errcode: 40001 });
  });

  it('reports a wrong app secret on token calls as a WechatApiError', async () => {
    const { client } = clientWithLog({ appSecret: async () => 'not-the-secret' });

    const checking = client.checkText({ openid: 'o-writer', content: '你好' });

    await expect(checking).rejects.toMatchObject({ errcode: 40125 });
  });
});

describe('one access token shared by every function', () => {
  it('a second client (another function) takes the token the first stored, without asking WeChat', async () => {
    // Arrange: a shared store, as the table is in AWS
    let stored: { value: string; refreshAt: number } | null = null;
    const tokenStore = { read: async () => stored, write: async (token: { value: string; refreshAt: number }) => void (stored = token) };
    const first = clientWithLog({ tokenStore });
    const second = clientWithLog({ tokenStore });
    // Act
    await first.client.sendSubscribeMessage({ toOpenid: 'o-shared-1', templateId: 't', data: { thing1: { value: 'a' } } });
    await second.client.sendSubscribeMessage({ toOpenid: 'o-shared-2', templateId: 't', data: { thing1: { value: 'b' } } });
    // Assert
    expect(first.paths.filter((p) => p === '/cgi-bin/stable_token')).toHaveLength(1);
    expect(second.paths.filter((p) => p === '/cgi-bin/stable_token')).toHaveLength(0);
    expect(stored!.value).toEqual(expect.any(String));
  });

  it('a token another function already replaced is taken from the store when WeChat rejects ours', async () => {
    // Arrange: this client holds a token WeChat no longer knows; the store has a good one
    let stored: { value: string; refreshAt: number } | null = { value: 'stale-token', refreshAt: Date.now() + 3_600_000 };
    const tokenStore = { read: async () => stored, write: async (token: { value: string; refreshAt: number }) => void (stored = token) };
    const { client: refresher } = clientWithLog();
    await refresher.sendSubscribeMessage({ toOpenid: 'o-warm', templateId: 't', data: { thing1: { value: 'a' } } });
    const { client, paths } = clientWithLog({ tokenStore });
    // Act: the first send is rejected (40001), the client refreshes once and stores the new token
    await client.sendSubscribeMessage({ toOpenid: 'o-after-refresh', templateId: 't', data: { thing1: { value: 'x' } } });
    // Assert
    expect(paths.filter((p) => p === '/cgi-bin/message/subscribe/send')).toHaveLength(2);
    expect(stored!.value).not.toBe('stale-token');
    expect(await messagesTo('o-after-refresh')).toHaveLength(1);
  });
});
