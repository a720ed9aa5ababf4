import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/lib/ports';
import { startLocalWechatPay } from '../../scripts/lib/local-wechatpay';
import { FAKE_WECHAT_APP } from '../../functions/shared/config';
import { killTree, startApiProcess, type ApiProcess } from '../support/api-process';
import { call, devSignIn } from '../support/http-client';

jest.setTimeout(180_000);

/**
 * When WECHATPAY_API_BASE is set in local, the API uses that server and the given keys,
 * exactly as it does for WeChat login. This server's keys are made here: only with them are its
 * orders signed, its answers believed and its notifications decrypted.
 */
describe('npm run api against an outside WeChat Pay', () => {
  let api: ApiProcess;
  let wechatpay: Awaited<ReturnType<typeof startLocalWechatPay>>;

  beforeAll(async () => {
    const ports = { api: await freePort(), dynamo: await freePort(), wechat: await freePort() };
    wechatpay = await startLocalWechatPay({ apiPort: ports.api, wechat: { appId: FAKE_WECHAT_APP.appId } });
    api = await startApiProcess(mkdtempSync(join(tmpdir(), 'lrf-outside-wechatpay-')), ports, wechatpay.env);
  });

  afterAll(async () => {
    if (api) await killTree(api.child, 'SIGTERM');
    await wechatpay?.fake.close();
  });

  it('orders, is paid and settles through the given server with the given keys; without it, payments are unavailable', async () => {
    // Arrange: an active store on this API
    const merchant = await devSignIn(['merchant'], api.url);
    const admin = await devSignIn(['admin'], api.url);
    const opened = await call('POST', '/stores', { token: merchant.token, body: { name: '外部支付面馆', city: '深圳', address: '南山区 9 号' } }, api.url);
    const storeId = opened.body.store.id as string;
    await call('POST', `/stores/${storeId}/review`, { token: admin.token, body: { decision: 'approve' } }, api.url);
    const donor = await devSignIn([], api.url);
    // Act
    const paid = await call(
      'POST',
      '/meals/donations',
      { token: donor.token, body: { storeId, meals: 1 }, headers: { 'idempotency-key': 'outside-1' } },
      api.url,
    );
    await wechatpay.fake.close();
    const unreachable = await call(
      'POST',
      '/meals/donations',
      { token: donor.token, body: { storeId, meals: 1 }, headers: { 'idempotency-key': 'outside-2' } },
      api.url,
    );
    // Assert
    expect([paid.status, paid.body.donation.status]).toEqual([201, 'paid']);
    expect([unreachable.status, unreachable.body.error.code]).toEqual([503, 'PAYMENT_UNAVAILABLE']);
  });
});
