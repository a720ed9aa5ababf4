import { buildSync } from 'esbuild';
import { resolve } from 'node:path';
import { LOCAL_JWT_SECRET, loadConfig, loadRules, loadWechatPaySettings } from '../../functions/shared/config';

const ROOT = resolve(__dirname, '../..');

describe('a function’s configuration', () => {
  it('carries no launcher settings into a function bundle', () => {
    // Act: bundle the configuration as a function's bundle takes it in.
    const bundle = buildSync({
      entryPoints: [resolve(ROOT, 'functions/shared/config/index.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      packages: 'external',
      metafile: true,
      logLevel: 'silent',
    });

    // Assert
    const inputs = Object.keys(bundle.metafile!.inputs);
    expect(inputs.filter((path) => !path.startsWith('functions/shared/config/'))).toEqual(['config/rules.json']);
    const code = bundle.outputFiles[0].text;
    for (const launcherOnly of ['API_PORT', 'DYNAMODB_PORT', 'FAKE_WECHATPAY_PORT', 'H5_PORT', 'DATA_DIR']) expect(code).not.toContain(launcherOnly);
  });

  it('reads the rule values from config/rules.json, within their bounds', () => {
    expect(loadRules().meals.maxMealsPerDonation).toBeLessThanOrEqual(1_000);
  });

  it('lets a setting given in the environment win over the local default', () => {
    // Arrange
    const env = { STAGE: 'local', JWT_SECRET: 'y'.repeat(32), S3_ENDPOINT: 'http://127.0.0.1:9', UPLOADS_BUCKET: 'given-bucket' };

    // Act
    const given = loadConfig(env);
    const defaults = loadConfig({ STAGE: 'local' });

    // Assert
    expect(given.jwt.secret).toBe('y'.repeat(32));
    expect(given.uploads).toEqual({ bucket: 'given-bucket', endpoint: 'http://127.0.0.1:9' });
    expect(defaults.jwt.secret).toBe(LOCAL_JWT_SECRET);
    expect(defaults.uploads).toEqual({ bucket: 'lrf-uploads', endpoint: 'http://localhost:4569' });
  });

  describe('WeChat Pay’s settings', () => {
    const merchant = {
      WECHATPAY_MCH_ID: '1900000001',
      WECHATPAY_MCH_SERIAL: 'SERIAL',
      WECHATPAY_MCH_PRIVATE_KEY_PARAM: '/lrf/prod/mch-key',
      WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_1',
      WECHATPAY_PUBLIC_KEY: 'PEM',
      WECHATPAY_APIV3_KEY_PARAM: '/lrf/prod/apiv3',
      PUBLIC_API_BASE: 'https://api.example.test/',
    };

    it('are none when the merchant is not configured', () => {
      expect(loadWechatPaySettings({}, true)).toBeNull();
    });

    it('take the base given, else the fake locally and WeChat Pay itself elsewhere', () => {
      expect(loadWechatPaySettings({ ...merchant, WECHATPAY_API_BASE: 'http://127.0.0.1:9200/' }, true)!.apiBase).toBe('http://127.0.0.1:9200');
      expect(loadWechatPaySettings(merchant, true)!.apiBase).toBe('http://127.0.0.1:3200');
      expect(loadWechatPaySettings(merchant, false)).toMatchObject({
        apiBase: 'https://api.mch.weixin.qq.com',
        privateKeyParam: '/lrf/prod/mch-key',
        apiV3KeyParam: '/lrf/prod/apiv3',
        notifyUrl: 'https://api.example.test/payments/wechatpay/notify',
      });
    });

    it('refuse a merchant id with the rest missing, naming what is missing, instead of turning payments off', () => {
      const { WECHATPAY_MCH_SERIAL: _serial, PUBLIC_API_BASE: _base, ...partial } = merchant;
      expect(() => loadWechatPaySettings(partial, false)).toThrow(
        'WeChat Pay is configured (WECHATPAY_MCH_ID) but misses WECHATPAY_MCH_SERIAL, PUBLIC_API_BASE',
      );
    });

    it('read the public key and the platform certificates from SSM in a deployed stage', () => {
      const { WECHATPAY_PUBLIC_KEY: _key, ...deployed } = merchant;
      const settings = loadWechatPaySettings(
        { ...deployed, WECHATPAY_PUBLIC_KEY_PARAM: '/lrf/prod/pub', WECHATPAY_PLATFORM_CERTIFICATES_PARAM: '/lrf/prod/certs' },
        false,
      );
      expect(settings).toMatchObject({ publicKeyId: 'PUB_KEY_ID_1', publicKeyParam: '/lrf/prod/pub', platformCertificatesParam: '/lrf/prod/certs' });
      expect(settings!.publicKey).toBeUndefined();
    });

    it('refuse a merchant with no private key anywhere', () => {
      const { WECHATPAY_MCH_PRIVATE_KEY_PARAM: _dropped, ...withoutKey } = merchant;
      expect(() => loadWechatPaySettings(withoutKey, false)).toThrow('WECHATPAY_MCH_PRIVATE_KEY');
    });
  });
});
