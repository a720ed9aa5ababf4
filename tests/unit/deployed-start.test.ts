import { core } from '../../functions/wiring/core';
import { resetConfigForTests } from '../../functions/shared/config';
import { setParameterStoreForTests } from '../../functions/shared/secrets';

describe('a deployed stage starts only with its secrets', () => {
  const saved = { ...process.env };
  beforeAll(() => {
    // Deployed as `test` in AWS: no embedded key, the JWT secret comes from SSM.
    Object.assign(process.env, {
      STAGE: 'test',
      AWS_LAMBDA_FUNCTION_NAME: 'little-red-flower-test-getMe',
      WECHAT_APP_ID: 'wxdeployedtest0001',
      WECHAT_APP_SECRET_PARAM: '/little-red-flower/test/wechat-app-secret',
      JWT_SECRET_PARAM: '/little-red-flower/test/jwt-secret',
    });
    delete process.env.DYNAMODB_ENDPOINT;
    delete process.env.JWT_SECRET;
    resetConfigForTests();
  });
  afterAll(() => {
    process.env = saved;
    resetConfigForTests();
    setParameterStoreForTests(undefined);
  });

  it('refuses to start while SSM has no JWT secret, and starts once it has', async () => {
    // Arrange: a Parameter Store without the parameter.
    setParameterStoreForTests({ getDecrypted: async (name) => Promise.reject(new Error(`ParameterNotFound: ${name}`)) });

    // Act + Assert: the core (every function's start) fails, and is not cached as failed.
    await expect(core()).rejects.toThrow(/ParameterNotFound/);
    setParameterStoreForTests({ getDecrypted: async () => 'a-deployed-jwt-secret-that-is-long-enough-0123456789' });
    const started = await core();
    expect(started.config.isLocalStage).toBe(false);
  });
});
