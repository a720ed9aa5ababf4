import { subscribeTemplates } from '../../functions/shared/subscribe-templates';
import { rolesWithDonor, defaultNickname } from '../../functions/domain/user';
import { toErrorResponse, RuleViolation, ValidationError } from '../../functions/shared/errors';
import { FAKE_WECHAT_APP, loadConfig } from '../../functions/shared/config';
import { functionEnvironment, loadLauncherSettings } from '../../scripts/lib/launcher-settings';
import { text } from '../../functions/contract/schema-kit';

describe('roles', () => {
  it('everyone is a donor, extra roles are added once in a stable order', () => {
    expect(rolesWithDonor(['admin', 'merchant', 'admin'])).toEqual(['donor', 'merchant', 'admin']);
    expect(rolesWithDonor()).toEqual(['donor']);
  });
  it('a new WeChat user gets a readable default nickname from a random draw', () => {
    expect(defaultNickname(4821)).toBe('爱心用户4821');
  });
});

describe('error envelope', () => {
  it('maps typed errors to their status and code, with details when present', () => {
    expect(toErrorResponse(new RuleViolation('ALREADY_DONATED_TODAY', '今天已经捐过了'))).toEqual({
      status: 409,
      body: { error: { code: 'ALREADY_DONATED_TODAY', message: '今天已经捐过了' } },
    });
    expect(toErrorResponse(new ValidationError('bad', [{ path: ['x'] }])).body.error.details).toEqual([{ path: ['x'] }]);
  });
  it('hides everything about unknown errors', () => {
    const answer = toErrorResponse(new Error('DynamoDB exploded at /var/task/index.js:12'));
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toContain('DynamoDB');
  });
});

describe('config', () => {
  it('defaults to the local stage with the fake WeChat and embedded secrets', () => {
    const config = loadConfig({});
    expect(config.isLocalStage).toBe(true);
    expect(config.rules.steps).toEqual({ stepsPerFlower: 1000, maxFlowersPerDay: 20, minSteps: 1000, maxStepsPerDay: 100000 });
    expect(config.rules.meals.priceFen).toBe(1500);
  });
  it('refuses to start in AWS stages without a WeChat app id, app secret and JWT secret source', () => {
    expect(() => loadConfig({ STAGE: 'prod' })).toThrow(/WECHAT_APP_ID/);
    expect(() => loadConfig({ STAGE: 'prod', WECHAT_APP_ID: 'wx1' })).toThrow(/WECHAT_APP_SECRET/);
    expect(() => loadConfig({ STAGE: 'prod', WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET_PARAM: '/s' })).toThrow(/JWT_SECRET/);
    const prod = loadConfig({ STAGE: 'prod', WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET_PARAM: '/s', JWT_SECRET_PARAM: '/p', WECHAT_API_BASE: '' });
    expect(prod.wechat).toMatchObject({ apiBase: 'https://api.weixin.qq.com', appId: 'wx1', appSecret: undefined, appSecretParam: '/s' });
    // The fake's template ids are never used outside local/test: no id, no WeChat message for that topic.
    expect(Object.values(subscribeTemplates(prod)).map((t) => t.id)).toEqual([null, null, null, null]);
    expect(prod.jwt).toEqual({ secret: undefined, secretParam: '/p' });
  });

  it('never falls back to a fake credential outside local and test', () => {
    // serverless.yml passes empty strings for unset variables.
    const env = { STAGE: 'staging', WECHAT_APP_ID: 'wxreal', WECHAT_APP_SECRET: '', WECHAT_APP_SECRET_PARAM: '/s', JWT_SECRET: '', JWT_SECRET_PARAM: '/p' };
    const staging = loadConfig(env);
    expect(staging.wechat.appSecret).toBeUndefined();
    expect(staging.jwt.secret).toBeUndefined();
    expect(staging.wechat.apiBase).toBe('https://api.weixin.qq.com');
  });

  it('lets every setting given in the environment win over the local defaults', () => {
    const given = loadConfig({
      STAGE: 'local',
      TABLE_NAME: 'my-table',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:9999',
      AWS_REGION: 'eu-west-1',
      WECHAT_API_BASE: 'http://wechat.example.test/',
      WECHAT_APP_ID: 'wxgiven',
      WECHAT_APP_SECRET: 'given-secret',
      JWT_SECRET: 'x'.repeat(40),
      WECHAT_TEMPLATE_LETTER: 'tmpl-given-letter',
    });
    expect(given).toMatchObject({ tableName: 'my-table', dynamodbEndpoint: 'http://127.0.0.1:9999', region: 'eu-west-1' });
    expect(given.wechat).toMatchObject({ apiBase: 'http://wechat.example.test', appId: 'wxgiven', appSecret: 'given-secret', appSecretParam: undefined });
    expect(subscribeTemplates(given).letter).toEqual({ id: 'tmpl-given-letter', keys: { title: 'thing1', note: 'thing2', time: 'time3' } });
    expect(subscribeTemplates(given).dream_executable.id).toBe('local-tmpl-dream-executable');
    expect(given.jwt.secret).toBe('x'.repeat(40));
  });

  it('gives the launchers every port, folder and credential from the environment, else the defaults', () => {
    expect(loadLauncherSettings({})).toEqual({
      apiPort: 3000,
      dynamoPort: 8765,
      wechatPort: 3100,
      wechatpayPort: 3200,
      h5Port: 10086,
      s3Port: 4569,
      s3Endpoint: undefined,
      uploadsBucket: 'lrf-uploads',
      dataDir: '.data',
      stage: 'local',
      tableName: 'little-red-flower-local',
      dynamodbEndpoint: undefined,
      wechat: { apiBase: undefined, appId: FAKE_WECHAT_APP.appId, appSecret: FAKE_WECHAT_APP.appSecret },
      jwtSecret: undefined,
      publicApiBase: 'http://127.0.0.1:3000',
    });
    const settings = loadLauncherSettings({
      API_PORT: '4000',
      DYNAMODB_PORT: '4001',
      FAKE_WECHAT_PORT: '4002',
      H5_PORT: '4003',
      S3_ENDPOINT: 'http://127.0.0.1:4004',
      UPLOADS_BUCKET: 'photos-bucket',
      DATA_DIR: '/tmp/x',
      STAGE: 'test',
      LRF_TABLE_NAME: 'tbl',
      LRF_DYNAMODB_ENDPOINT: 'http://127.0.0.1:4001',
      WECHAT_API_BASE: 'http://127.0.0.1:4999/',
      WECHAT_APP_ID: 'wxacceptance00001',
      WECHAT_APP_SECRET: 'acceptance',
    });
    expect(settings).toMatchObject({ apiPort: 4000, dynamoPort: 4001, wechatPort: 4002, h5Port: 4003, dataDir: '/tmp/x', stage: 'test', tableName: 'tbl' });
    expect(settings).toMatchObject({ s3Endpoint: 'http://127.0.0.1:4004', uploadsBucket: 'photos-bucket' });
    const functionEnv = functionEnvironment(settings, 'http://127.0.0.1:4001', settings.wechat.apiBase!, settings.s3Endpoint);
    expect(loadConfig(functionEnv).uploads).toEqual({ bucket: 'photos-bucket', endpoint: 'http://127.0.0.1:4004' });
    expect(functionEnv).toMatchObject({ WECHAT_API_BASE: 'http://127.0.0.1:4999', WECHAT_APP_ID: 'wxacceptance00001', WECHAT_APP_SECRET: 'acceptance' });
    expect(loadConfig(functionEnv).wechat).toMatchObject({ appId: 'wxacceptance00001', appSecret: 'acceptance' });
    // Photo URLs point at the API the launcher started, unless the environment names another origin.
    expect(loadConfig(functionEnv).publicApiBase).toBe('http://127.0.0.1:4000');
    expect(loadLauncherSettings({ PUBLIC_API_BASE: 'https://api.example.cn/' }).publicApiBase).toBe('https://api.example.cn');
    expect(() => loadLauncherSettings({ API_PORT: 'abc' })).toThrow();
  });
});

describe('text lengths count code points', () => {
  it('an emoji is one character', () => {
    const schema = text({ kind: 'text', min: 1, max: 3 });
    expect(schema.safeParse('🌺🌺🌺').success).toBe(true);
    expect(schema.safeParse('🌺🌺🌺🌺').success).toBe(false);
    expect(schema.safeParse('').success).toBe(false);
  });
});
