import { createPrivateKey, createPublicKey, createVerify, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfiguredWechatPay, HttpWechatPayClient, WechatPayApiError } from '../../functions/adapters/wechatpay/wechatpay-client';
import { PaymentMessageRefused } from '../../functions/domain/errors';
import type { PaymentNotification } from '../../functions/domain/payment';
import { localWechatPayKeys, startFakeWechatPay, type FakeWechatPay } from '../../scripts/fake-wechatpay-server';

const keys = localWechatPayKeys();
const APP_ID = 'wxpaytest00000001';

/** A notify_url: records what arrives, answers the statuses it is told to, in turn. */
async function receiver(statuses: number[] = []) {
  const received: { headers: Record<string, string>; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers as Record<string, string>, body });
      res.writeHead(statuses[received.length - 1] ?? 204);
      res.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/payments/wechatpay/notify`,
    received,
    close: () => new Promise((d) => server.close(d)),
  };
}

async function until(done: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the WeChat Pay v3 client against the fake WeChat Pay (same protocol both ways)', () => {
  let fake: FakeWechatPay;
  let client: HttpWechatPayClient;
  beforeAll(async () => {
    fake = await startFakeWechatPay({
      mchid: keys.mchid,
      appId: APP_ID,
      merchantPublicKey: keys.merchantPublicKey,
      wechatpayPrivateKey: keys.wechatpayPrivateKey,
      wechatpayKeyId: keys.wechatpayKeyId,
      apiV3Key: keys.apiV3Key,
      retryDelaysMs: [50, 50, 50],
    });
    client = new HttpWechatPayClient({
      apiBase: fake.url,
      mchid: keys.mchid,
      appId: APP_ID,
      serialNo: keys.merchantSerial,
      privateKey: createPrivateKey(keys.merchantPrivateKeyPem),
      wechatpayKeys: new Map([[keys.wechatpayKeyId, createPublicKey(keys.wechatpayPublicKeyPem)]]),
      apiV3Key: keys.apiV3Key,
    });
  });
  afterAll(() => fake.close());

  it('orders a JSAPI payment, signs requestPayment, and believes the paid notification only after checking it; a query agrees', async () => {
    // Arrange: a notify_url that fails once (WeChat Pay sends it again)
    const notify = await receiver([500]);
    try {
      // Act: order, then the payer pays
      const { prepayId } = await client.createJsapiOrder({
        outTradeNo: 'meal_0001',
        description: '爱心餐 × 2',
        amountFen: 3_000,
        payerOpenid: 'o-donor',
        notifyUrl: notify.url,
      });
      expect((await client.queryOrder('meal_0001')).state).toBe('NOTPAY');
      const params = await client.requestPaymentParams(prepayId);
      await fetch(`${fake.url}/__fake__/pay`, { method: 'POST', body: JSON.stringify({ out_trade_no: 'meal_0001' }) });
      await until(() => notify.received.length >= 2);
      // Assert: the paySign verifies with the merchant's public key; both deliveries parse to the same payment
      expect(
        createVerify('RSA-SHA256')
          .update(`${APP_ID}\n${params.timeStamp}\n${params.nonceStr}\nprepay_id=${prepayId}\n`)
          .verify(keys.merchantPublicKey, params.paySign, 'base64'),
      ).toBe(true);
      const parsed = await Promise.all(notify.received.map((n) => client.parseNotification(n.headers, n.body)));
      expect(parsed[0]).toEqual(parsed[1]);
      expect(parsed[0]).toMatchObject({
        kind: 'transaction',
        transaction: { outTradeNo: 'meal_0001', state: 'SUCCESS', amountFen: 3_000, payerOpenid: 'o-donor' },
      });
      expect(await client.queryOrder('meal_0001')).toMatchObject({ state: 'SUCCESS', amountFen: 3_000 });
      // A tampered body is not believed
      await expect(client.parseNotification(notify.received[0].headers, notify.received[0].body.replace('TRANSACTION', 'TRANSACTIOM'))).rejects.toBeInstanceOf(
        PaymentMessageRefused,
      );
    } finally {
      await notify.close();
    }
  });

  it('verifies with the public key read at start (SSM in AWS), not from the environment, and refuses when none is read', async () => {
    // Arrange: the public key is not in the settings; a provider hands it over, as SSM would
    const settings = { apiBase: fake.url, mchid: keys.mchid, serialNo: keys.merchantSerial, publicKeyId: keys.wechatpayKeyId, notifyUrl: '', appId: APP_ID };
    const secrets = { privateKey: async () => keys.merchantPrivateKeyPem, apiV3Key: async () => keys.apiV3Key };
    const withKey = new ConfiguredWechatPay(
      settings,
      { ...secrets, publicKey: async () => keys.wechatpayPublicKeyPem, platformCertificates: async () => undefined },
      false,
    );
    const withoutKey = new ConfiguredWechatPay(settings, { ...secrets, publicKey: async () => undefined }, false);
    const notify = await receiver();
    try {
      await withKey.createJsapiOrder({ outTradeNo: 'meal_ssm1', description: '爱心餐 × 1', amountFen: 1_500, payerOpenid: 'o-donor', notifyUrl: notify.url });
      await fetch(`${fake.url}/__fake__/pay`, { method: 'POST', body: JSON.stringify({ out_trade_no: 'meal_ssm1' }) });
      await until(() => notify.received.length >= 1);
      // Act
      const parsed = await withKey.parseNotification(notify.received[0].headers, notify.received[0].body);
      const refused = withoutKey.parseNotification(notify.received[0].headers, notify.received[0].body);
      // Assert
      expect(parsed).toMatchObject({ kind: 'transaction', transaction: { outTradeNo: 'meal_ssm1' } });
      await expect(refused).rejects.toBeInstanceOf(PaymentMessageRefused);
    } finally {
      await notify.close();
    }
  });

  it('refunds, and the refund notification checks out', async () => {
    const notify = await receiver();
    try {
      await client.createJsapiOrder({ outTradeNo: 'meal_0002', description: '爱心餐 × 1', amountFen: 1_500, payerOpenid: 'o-donor', notifyUrl: notify.url });
      await fetch(`${fake.url}/__fake__/pay`, { method: 'POST', body: JSON.stringify({ out_trade_no: 'meal_0002' }) });
      await until(() => notify.received.length >= 1);
      const refund = await client.refund({
        outTradeNo: 'meal_0002',
        outRefundNo: 'refund_0002',
        refundFen: 1_500,
        totalFen: 1_500,
        reason: '门店停业',
        notifyUrl: notify.url,
      });
      expect(refund).toMatchObject({ outRefundNo: 'refund_0002', status: 'SUCCESS', refundFen: 1_500 });
      await until(() => notify.received.length >= 2);
      const parsed: PaymentNotification = await client.parseNotification(notify.received[1].headers, notify.received[1].body);
      expect(parsed).toMatchObject({ kind: 'refund', refund: { outTradeNo: 'meal_0002', outRefundNo: 'refund_0002', status: 'SUCCESS', refundFen: 1_500 } });
      await expect(
        client.refund({ outTradeNo: 'meal_0002', outRefundNo: 'refund_0003', refundFen: 1, totalFen: 1_500, reason: 'x', notifyUrl: notify.url }),
      ).rejects.toBeInstanceOf(WechatPayApiError);
    } finally {
      await notify.close();
    }
  });

  it('refuses an answer signed by a key it does not hold, and WeChat Pay refuses a request signed by another merchant key', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const trustingTheWrongKey = new HttpWechatPayClient({
      apiBase: fake.url,
      mchid: keys.mchid,
      appId: APP_ID,
      serialNo: keys.merchantSerial,
      privateKey: createPrivateKey(keys.merchantPrivateKeyPem),
      wechatpayKeys: new Map([[keys.wechatpayKeyId, stranger.publicKey]]),
      apiV3Key: keys.apiV3Key,
    });
    await expect(trustingTheWrongKey.queryOrder('meal_0001')).rejects.toMatchObject({
      name: 'PaymentMessageRefused',
      reason: expect.stringContaining('bad_signature'),
    });
    const impostor = new HttpWechatPayClient({
      apiBase: fake.url,
      mchid: keys.mchid,
      appId: APP_ID,
      serialNo: keys.merchantSerial,
      privateKey: stranger.privateKey,
      wechatpayKeys: new Map([[keys.wechatpayKeyId, createPublicKey(keys.wechatpayPublicKeyPem)]]),
      apiV3Key: keys.apiV3Key,
    });
    await expect(impostor.queryOrder('meal_0001')).rejects.toMatchObject({ status: 401, code: 'SIGN_ERROR' });
  });
});
