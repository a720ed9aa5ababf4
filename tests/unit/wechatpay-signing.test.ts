import { createPrivateKey, createVerify, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wechatpayKeysOf } from '../../functions/adapters/wechatpay/wechatpay-client';
import {
  authorizationHeader,
  decryptResource,
  encryptResource,
  platformCertificateKeys,
  requestPaymentParams,
  signatureProblem,
  wechatpayHeaders,
} from '../../functions/adapters/wechatpay/signing';

const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
const APIV3_KEY = '0123456789abcdef0123456789ABCDEF';
const PUB_KEY_ID = 'PUB_KEY_ID_0114232134912410000000000000';

const verifies = (message: string, signature: string) => createVerify('RSA-SHA256').update(message, 'utf8').verify(merchant.publicKey, signature, 'base64');

describe('WeChat Pay v3 signing on node:crypto (the published rules)', () => {
  it('signs a request: the Authorization header verifies with the merchant public key over METHOD\\nPATH?QUERY\\nTIMESTAMP\\nNONCE\\nBODY\\n', () => {
    // Arrange
    const body = JSON.stringify({ appid: 'wx1', mchid: '1900000001', out_trade_no: 'o1', amount: { total: 1500, currency: 'CNY' } });
    // Act
    const header = authorizationHeader({
      mchid: '1900000001',
      serialNo: '5157F09EFDC096DE15EBE81A47057A72',
      privateKey: merchant.privateKey,
      method: 'POST',
      pathWithQuery: '/v3/pay/transactions/jsapi',
      body,
      timestamp: 1554208460,
      nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
    });
    // Assert
    expect(header.startsWith('WECHATPAY2-SHA256-RSA2048 ')).toBe(true);
    const fields = Object.fromEntries([...header.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    expect(fields).toMatchObject({
      mchid: '1900000001',
      nonce_str: '593BEC0C930BF1AFEB40B4A08C8FB242',
      timestamp: '1554208460',
      serial_no: '5157F09EFDC096DE15EBE81A47057A72',
    });
    expect(verifies(`POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n${body}\n`, fields.signature)).toBe(true);
    // A GET signs an empty body, still ending in \n.
    const get = authorizationHeader({
      mchid: 'm',
      serialNo: 's',
      privateKey: merchant.privateKey,
      method: 'GET',
      pathWithQuery: '/v3/x?mchid=m',
      body: '',
      timestamp: 1,
      nonce: 'n',
    });
    expect(verifies('GET\n/v3/x?mchid=m\n1\nn\n\n', /signature="([^"]+)"/.exec(get)![1])).toBe(true);
  });

  it('signs requestPayment over exactly appId\\ntimeStamp\\nnonceStr\\npackage\\n (signType is not signed)', () => {
    const params = requestPaymentParams({
      appId: 'wx8888888888888888',
      prepayId: 'wx201410272009395522657a690389285100',
      privateKey: merchant.privateKey,
      timestamp: 1414561699,
      nonce: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
    });
    expect(params).toMatchObject({ timeStamp: '1414561699', package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'RSA' });
    expect(verifies('wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n', params.paySign)).toBe(
      true,
    );
  });

  describe('a notification', () => {
    const keys = new Map([[PUB_KEY_ID, platform.publicKey]]);
    const now = 1_790_000_000;
    const transaction = JSON.stringify({ out_trade_no: 'meal-1', trade_state: 'SUCCESS', amount: { total: 1500 } });
    const body = () =>
      JSON.stringify({ id: 'n1', event_type: 'TRANSACTION.SUCCESS', resource: encryptResource(transaction, APIV3_KEY, 'transaction', 'transaction') });

    it('signed by the key its serial names, and encrypted with our APIv3 key, verifies and decrypts', () => {
      // Arrange: a notification we encrypt and sign ourselves, as WeChat Pay does
      const raw = body();
      const headers = wechatpayHeaders(raw, PUB_KEY_ID, platform.privateKey, now - 30);
      // Act + Assert
      expect(signatureProblem(headers, raw, keys, now)).toBeNull();
      expect(JSON.parse(decryptResource(JSON.parse(raw).resource, APIV3_KEY))).toEqual(JSON.parse(transaction));
    });

    it('is refused when a ciphertext byte is flipped (the GCM tag is checked), when the key is wrong, or the AAD changed', () => {
      const { resource } = JSON.parse(body());
      const bytes = Buffer.from(resource.ciphertext, 'base64');
      bytes[3] ^= 0x01;
      expect(() => decryptResource({ ...resource, ciphertext: bytes.toString('base64') }, APIV3_KEY)).toThrow('tampered');
      expect(() => decryptResource(resource, 'ffffffffffffffffffffffffffffffff')).toThrow();
      expect(() => decryptResource({ ...resource, associated_data: 'refund' }, APIV3_KEY)).toThrow();
      expect(() => decryptResource({ ...resource, ciphertext: Buffer.from('short').toString('base64') }, APIV3_KEY)).toThrow();
    });

    it('is refused when stale (5 minutes), a SIGNTEST probe, signed by another key, for a changed body, or for a serial we do not hold', () => {
      const raw = body();
      expect(signatureProblem(wechatpayHeaders(raw, PUB_KEY_ID, platform.privateKey, now - 301), raw, keys, now)).toBe('stale_timestamp');
      expect(signatureProblem(wechatpayHeaders(raw, PUB_KEY_ID, platform.privateKey, now + 400), raw, keys, now)).toBe('stale_timestamp');
      const probe = { ...wechatpayHeaders(raw, PUB_KEY_ID, platform.privateKey, now), 'wechatpay-signature': 'WECHATPAY/SIGNTEST/abcdef' };
      expect(signatureProblem(probe, raw, keys, now)).toBe('signtest_probe');
      expect(signatureProblem(wechatpayHeaders(raw, PUB_KEY_ID, merchant.privateKey, now), raw, keys, now)).toBe('bad_signature');
      expect(signatureProblem(wechatpayHeaders(raw, PUB_KEY_ID, platform.privateKey, now), `${raw} `, keys, now)).toBe('bad_signature');
      expect(signatureProblem(wechatpayHeaders(raw, '7132D72A03E93CDDF8C03BBD1F37EEDF', platform.privateKey, now), raw, keys, now)).toBe('unknown_serial');
      expect(signatureProblem({}, raw, keys, now)).toBe('missing_headers');
    });
  });
});

describe('platform certificates (older merchants): Wechatpay-Serial names the certificate', () => {
  const certificate = readFileSync(join(__dirname, '../fixtures/wechatpay-platform-test-cert.pem'), 'utf8');
  const certificateKey = createPrivateKey(readFileSync(join(__dirname, '../fixtures/wechatpay-platform-test-key.pem'), 'utf8'));
  const SERIAL = '5157F09EFDC096DE15EBE81A47057A72';

  it('verifies an answer signed by the certificate’s key under its serial, beside a public key; refuses other serials and expired certificates', () => {
    // Arrange: both modes at once (a merchant moving to public-key mode)
    const keys = wechatpayKeysOf({
      publicKeyId: PUB_KEY_ID,
      publicKey: platform.publicKey.export({ type: 'spki', format: 'pem' }) as string,
      platformCertificates: certificate,
    });
    const raw = JSON.stringify({ prepay_id: 'wx201410272009395522657a690389285100' });
    const now = Math.floor(Date.now() / 1000);
    // Act + Assert
    expect([...keys.keys()].sort()).toEqual([SERIAL, PUB_KEY_ID].sort());
    expect(signatureProblem(wechatpayHeaders(raw, SERIAL, certificateKey, now), raw, keys, now)).toBeNull();
    expect(signatureProblem(wechatpayHeaders(raw, PUB_KEY_ID, platform.privateKey, now), raw, keys, now)).toBeNull();
    expect(signatureProblem(wechatpayHeaders(raw, SERIAL, platform.privateKey, now), raw, keys, now)).toBe('bad_signature');
    expect(signatureProblem(wechatpayHeaders(raw, '1DEF0000000000000000000000000000', certificateKey, now), raw, keys, now)).toBe('unknown_serial');
    expect(platformCertificateKeys(certificate, new Date('2040-01-01T00:00:00Z')).size).toBe(0);
  });
});
