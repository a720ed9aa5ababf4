import { rolesWithDonor, defaultNickname } from '../../functions/domain/user';
import { toErrorResponse, RuleViolation, ValidationError } from '../../functions/shared/errors';
import { loadConfig } from '../../functions/shared/config';
import { text } from '../../functions/shared/schemas';

describe('roles', () => {
  it('everyone is a donor, extra roles are added once in a stable order', () => {
    expect(rolesWithDonor(['admin', 'merchant', 'admin'])).toEqual(['donor', 'merchant', 'admin']);
    expect(rolesWithDonor()).toEqual(['donor']);
  });
  it('a new WeChat user gets a readable default nickname', () => {
    expect(defaultNickname('oGZUI0egBJY1zhBYw2KhdUfwVJJE')).toBe('爱心用户VJJE');
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
  it('refuses to start in AWS stages without a WeChat app id and a JWT secret source', () => {
    expect(() => loadConfig({ STAGE: 'prod' })).toThrow(/WECHAT_APP_ID/);
    expect(() => loadConfig({ STAGE: 'prod', WECHAT_APP_ID: 'wx1' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ STAGE: 'prod', WECHAT_APP_ID: 'wx1', JWT_SECRET_PARAM: '/p', WECHAT_API_BASE: '' }).wechat.apiBase).toBe('https://api.weixin.qq.com');
  });
});

describe('text lengths count code points', () => {
  it('an emoji is one character', () => {
    const schema = text(1, 3);
    expect(schema.safeParse('🌺🌺🌺').success).toBe(true);
    expect(schema.safeParse('🌺🌺🌺🌺').success).toBe(false);
    expect(schema.safeParse('').success).toBe(false);
  });
});
