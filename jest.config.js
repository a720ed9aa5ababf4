/** Four tiers: pure domain, DynamoDB Local, HTTP against `npm run api`, and the H5 app in Chromium. */
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest'] };
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/dynamodb-global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/dynamodb-global-teardown.ts',
    },
    {
      ...common,
      displayName: 'api',
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/api-global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/api-global-teardown.ts',
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/api-global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/api-global-teardown.ts',
    },
  ],
};
