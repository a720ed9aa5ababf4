import { loadConfig } from '../../functions/shared/config';
import { deployedTemplateIds } from '../../functions/shared/subscribe-templates';
import { ALL_SETTINGS, findSetting, parameterName, SETTINGS, settingsProblems } from '../../scripts/lib/settings-catalog';

const STAGE = 'prod';

/** A stage whose every setting is stored and valid, WeChat Pay off. */
function completeStage(): Map<string, string> {
  const values: Record<string, string> = {
    'wechat-app-id': 'wx0123456789abcdef',
    'wechat-templates': '{"letter":"tmpl-letter"}',
    'api-domain': 'api.example.cn',
    'api-certificate-arn': 'arn:aws-cn:acm:cn-northwest-1:123456789012:certificate/0a1b2c3d-0000-1111-2222-333344445555',
    'cors-origins': 'https://h5.example.cn,http://localhost:10086',
    'alert-email': 'ops@example.cn',
    'wechatpay-mch-id': 'none',
    'wechatpay-mch-serial': 'none',
    'wechatpay-public-key-id': 'none',
    'jwt-secret': 'x'.repeat(48),
    'wechat-app-secret': '0123456789abcdef0123456789abcdef',
    'wechat-push-token': 'pushtoken1',
    'log-origin': 'api.example.cn/log',
    'log-witnesses': 'witness.example+0a1b2c3d+BEn2hJbSQ1Gq8ZyKK6z+zB6iPz1kJtuhXQGDRngtHlOT https://witness.example/add-checkpoint',
    'log-signing-key': '0f'.repeat(32),
    'signoff-pepper': '1e'.repeat(32),
  };
  return new Map(Object.entries(values).map(([name, value]) => [parameterName(STAGE, findSetting(name)!), value]));
}

describe('the deployed settings an operator stores (npm run settings -- check)', () => {
  it('passes a complete stage', () => {
    expect(settingsProblems(STAGE, completeStage())).toEqual([]);
  });

  it('names each missing setting in one line, with the command that sets it', () => {
    // Arrange
    const stored = completeStage();
    stored.delete('/little-red-flower/prod/settings/wechat-app-id');
    stored.delete('/little-red-flower/prod/jwt-secret');
    // Act
    const problems = settingsProblems(STAGE, stored);
    // Assert
    expect(problems).toEqual([
      expect.stringMatching(/^missing \/little-red-flower\/prod\/settings\/wechat-app-id .*npm run settings -- set wechat-app-id/),
      expect.stringMatching(/^missing \/little-red-flower\/prod\/jwt-secret /),
    ]);
  });

  it('refuses malformed values, and none where a setting is required', () => {
    const stored = completeStage();
    stored.set('/little-red-flower/prod/settings/wechat-app-id', 'none');
    stored.set('/little-red-flower/prod/settings/cors-origins', 'http://evil.example,*');
    stored.set('/little-red-flower/prod/settings/wechat-templates', '{"letter":');
    const problems = settingsProblems(STAGE, stored);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('wechat-app-id is required and may not be none'),
        expect.stringContaining('not an https origin (or http://localhost): http://evil.example, *'),
        expect.stringContaining('wechat-templates: expected JSON'),
      ]),
    );
  });

  it('refuses a log origin with a space or a +, malformed witnesses and a signing key that is not 64 hex digits', () => {
    // Arrange
    const stored = completeStage();
    stored.set('/little-red-flower/prod/settings/log-origin', 'api.example.cn/log+1');
    stored.set('/little-red-flower/prod/settings/log-witnesses', 'witness.example https://witness.example');
    stored.set('/little-red-flower/prod/log-signing-key', 'abc');
    // Act
    const problems = settingsProblems(STAGE, stored);
    // Assert
    expect(problems).toEqual([
      expect.stringContaining('log-origin: expected no spaces and no +'),
      expect.stringContaining('log-witnesses: not "<verifier key> <url>"'),
      expect.stringContaining('log-signing-key: expected 64 hex digits'),
    ]);
    expect(findSetting('log-signing-key')!.validate(findSetting('log-signing-key')!.generate!())).toBeNull();
  });

  it('asks for every WeChat Pay key once payments are on, and a domain with its certificate', () => {
    const stored = completeStage();
    stored.set('/little-red-flower/prod/settings/wechatpay-mch-id', '1900000109');
    stored.set('/little-red-flower/prod/settings/api-certificate-arn', 'none');
    const problems = settingsProblems(STAGE, stored);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('but /little-red-flower/prod/settings/wechatpay-mch-serial is not set'),
        expect.stringContaining('but /little-red-flower/prod/wechatpay-merchant-key is not set'),
        expect.stringContaining('neither wechatpay-public-key-id nor wechatpay-platform-certificates'),
        expect.stringContaining('api-domain and api-certificate-arn go together'),
      ]),
    );
  });

  it("keeps secrets beside the functions' parameter names and plain settings where the stack's parameters read them", () => {
    expect(parameterName(STAGE, findSetting('wechatpay-merchant-key')!)).toBe('/little-red-flower/prod/wechatpay-merchant-key');
    expect(SETTINGS.map((spec) => parameterName(STAGE, spec)).every((name) => name.startsWith('/little-red-flower/prod/settings/'))).toBe(true);
    expect(new Set(ALL_SETTINGS.map((spec) => spec.name)).size).toBe(ALL_SETTINGS.length);
  });
});

describe("a deployed function's settings at start", () => {
  const deployed = { STAGE: 'prod', AWS_LAMBDA_FUNCTION_NAME: 'little-red-flower-prod-me', JWT_SECRET_PARAM: '/p/jwt', WECHAT_APP_SECRET_PARAM: '/p/wx' };

  it('refuses to start without the app id, in one line naming it', () => {
    expect(() => loadConfig({ ...deployed })).toThrow(/^WECHAT_APP_ID must be set/);
  });

  it('refuses malformed template settings, naming the setting', () => {
    expect(() => deployedTemplateIds('["letter"]')).toThrow(/WECHAT_TEMPLATES/);
  });

  it('reads what is present', () => {
    const config = loadConfig({ ...deployed, WECHAT_APP_ID: 'wx0123456789abcdef' });
    expect(config.wechat.appId).toBe('wx0123456789abcdef');
    expect(config.isLocalStage).toBe(false);
    expect(deployedTemplateIds('{"letter":"tmpl-1"}')).toEqual({ letter: 'tmpl-1' });
    expect(deployedTemplateIds('none')).toEqual({});
  });
});
