import { localWechatPayKeys, startFakeWechatPay, type FakeWechatPay } from '../fake-wechatpay-server';

/**
 * WeChat Pay for a local run: keys made now (a merchant key pair and the fake's own, in public-key
 * mode), the fake server started with them, and the environment the functions need to use it.
 */
export async function startLocalWechatPay(options: {
  apiPort: number;
  wechatpayPort?: number;
  wechat: { appId: string };
}): Promise<{ fake: FakeWechatPay; env: Record<string, string> }> {
  const keys = localWechatPayKeys();
  const fake = await startFakeWechatPay({
    port: options.wechatpayPort ?? 0,
    mchid: keys.mchid,
    appId: options.wechat.appId,
    merchantPublicKey: keys.merchantPublicKey,
    wechatpayPrivateKey: keys.wechatpayPrivateKey,
    wechatpayKeyId: keys.wechatpayKeyId,
    apiV3Key: keys.apiV3Key,
  });
  return {
    fake,
    env: {
      WECHATPAY_API_BASE: fake.url,
      WECHATPAY_MCH_ID: keys.mchid,
      WECHATPAY_MCH_SERIAL: keys.merchantSerial,
      WECHATPAY_MCH_PRIVATE_KEY: keys.merchantPrivateKeyPem,
      WECHATPAY_PUBLIC_KEY_ID: keys.wechatpayKeyId,
      WECHATPAY_PUBLIC_KEY: keys.wechatpayPublicKeyPem,
      WECHATPAY_APIV3_KEY: keys.apiV3Key,
      PUBLIC_API_BASE: `http://127.0.0.1:${options.apiPort}`,
      // This fake, started here, is the only WeChat Pay whose sandbox "pay at once" the API may call.
      LRF_EMBEDDED_WECHATPAY: '1',
    },
  };
}
