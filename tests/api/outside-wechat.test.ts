import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeWechatServer, type FakeWechatServer } from '../../scripts/fake-wechat-server';
import { killTree, startApiProcess, type ApiProcess } from '../support/api-process';
import { call } from '../support/http-client';

jest.setTimeout(180_000);

/**
 * The contract: WECHAT_API_BASE, WECHAT_APP_ID and WECHAT_APP_SECRET configure the app; only their
 * defaults are the fake's. A WeChat server of the test's own, with credentials that differ from the
 * fake's, must be the one `npm run api` talks to, from the seed to the sign-in.
 */
describe('npm run api against an outside WeChat server', () => {
  const credentials = { appId: 'wxacceptance00001', appSecret: 'acceptance-secret-not-the-fake-0001' };
  let wechat: FakeWechatServer;
  let api: ApiProcess;

  beforeAll(async () => {
    wechat = await startFakeWechatServer({ port: 0, ...credentials });
    api = await startApiProcess(mkdtempSync(join(tmpdir(), 'lrf-outside-wechat-')), undefined, {
      WECHAT_API_BASE: wechat.url,
      WECHAT_APP_ID: credentials.appId,
      WECHAT_APP_SECRET: credentials.appSecret,
    });
  });

  afterAll(async () => {
    if (api) await killTree(api.child, 'SIGTERM');
    await wechat?.close();
  });

  it('signs a person in with the given app id and secret', async () => {
    // Arrange: wx.login on the phone, against this server.
    const { code } = wechat.issueLoginCode(`outside-${Date.now()}`);

    // Act
    const answer = await call('POST', '/auth/wechat', { body: { code } }, api.url);

    // Assert
    expect(answer.status).toBe(200);
    expect(answer.body.user.roles).toEqual(['donor']);
    expect((await call('GET', '/me', { token: answer.body.token }, api.url)).status).toBe(200);
  });

  it('seeds through the same server and credentials (the content check passed, so demo dreams are public)', async () => {
    const dreams = await call('GET', '/dreams?limit=100', {}, api.url);
    expect(dreams.status).toBe(200);
    expect(dreams.body.items.length).toBeGreaterThanOrEqual(4);
  });
});
