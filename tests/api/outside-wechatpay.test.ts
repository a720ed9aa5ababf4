import { mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/lib/ports';
import { startLocalWechatPay } from '../../scripts/lib/local-wechatpay';
import { FAKE_WECHAT_APP } from '../../functions/shared/config';
import { killTree, startApiProcess, type ApiProcess } from '../support/api-process';
import { call, devSignIn } from '../support/http-client';

jest.setTimeout(180_000);

/** The outside WeChat Pay as the API sees it: every request recorded, then passed to the server behind. */
async function recording(target: string): Promise<{ url: string; seen: string[]; server: Server }> {
  const seen: string[] = [];
  const to = new URL(target);
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url?.split('?')[0]}`);
    const upstream = request({ hostname: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

/**
 * When WECHATPAY_API_BASE is set in local, the API uses that server and the given keys,
 * exactly as it does for WeChat login. This server's keys are made here: only with them are its
 * orders signed, its answers believed and its notifications decrypted.
 */
describe('npm run api against an outside WeChat Pay', () => {
  let api: ApiProcess;
  let wechatpay: Awaited<ReturnType<typeof startLocalWechatPay>>;
  let outside: Awaited<ReturnType<typeof recording>>;

  beforeAll(async () => {
    const ports = { api: await freePort(), dynamo: await freePort(), wechat: await freePort() };
    wechatpay = await startLocalWechatPay({ apiPort: ports.api, wechat: { appId: FAKE_WECHAT_APP.appId } });
    outside = await recording(wechatpay.fake.url);
    // Its keys, at another address: even the embedded fake's own flag, passed along, is not believed.
    api = await startApiProcess(mkdtempSync(join(tmpdir(), 'lrf-outside-wechatpay-')), ports, { ...wechatpay.env, WECHATPAY_API_BASE: outside.url });
  });

  afterAll(async () => {
    if (api) await killTree(api.child, 'SIGTERM');
    await wechatpay?.fake.close();
    await new Promise((done) => outside?.server.close(done));
  });

  it('orders through the given server with the given keys and never calls the embedded fake’s private pay hook; without it, payments are unavailable', async () => {
    // Arrange: an active store on this API
    const merchant = await devSignIn(['merchant'], api.url);
    const admin = await devSignIn(['admin'], api.url);
    const opened = await call('POST', '/stores', { token: merchant.token, body: { name: '外部支付面馆', city: '深圳', address: '南山区 9 号' } }, api.url);
    const storeId = opened.body.store.id as string;
    await call('POST', `/stores/${storeId}/review`, { token: admin.token, body: { decision: 'approve' } }, api.url);
    const donor = await devSignIn([], api.url);
    // Act
    const ordered = await call(
      'POST',
      '/meals/donations',
      { token: donor.token, body: { storeId, meals: 1 }, headers: { 'idempotency-key': 'outside-1' } },
      api.url,
    );
    await wechatpay.fake.close();
    outside.server.closeAllConnections();
    const unreachable = await call(
      'POST',
      '/meals/donations',
      { token: donor.token, body: { storeId, meals: 1 }, headers: { 'idempotency-key': 'outside-2' } },
      api.url,
    );
    // Assert
    // The order is WeChat Pay's signed protocol only: the payer pays in WeChat, not through a hook.
    expect([ordered.status, ordered.body.donation.status]).toEqual([201, 'pending']);
    expect(outside.seen).toContain('POST /v3/pay/transactions/jsapi');
    expect(outside.seen.filter((line) => line.includes('/__fake__/'))).toEqual([]);
    expect([unreachable.status, unreachable.body.error.code]).toEqual([503, 'PAYMENT_UNAVAILABLE']);
  });
});
