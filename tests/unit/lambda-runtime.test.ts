import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import platform from '../../config/platform.json';

jest.setTimeout(180_000);

const ROOT = resolve(__dirname, '../..');

describe('the packaged CloudFormation template', () => {
  let resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;

  beforeAll(() => {
    // Arrange: package the stack exactly as a deploy would (no AWS credentials needed).
    const out = mkdtempSync(join(tmpdir(), 'lrf-package-'));
    const run = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/osls/bin/serverless.js'), 'package', '--stage', 'prod', '--package', out], {
      cwd: ROOT,
      env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off', WECHAT_APP_ID: 'wxpackagetest0001' },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`serverless package failed:\n${run.stdout}\n${run.stderr}`);
    resources = JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8')).Resources;
  });

  it('runs every function on a Lambda runtime AWS supports for new functions', () => {
    const functions = Object.entries(resources).filter(([, resource]) => resource.Type === 'AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThan(20);
    const unsupported = functions.filter(([, resource]) => !platform.lambdaRuntimes.includes(resource.Properties.Runtime as string));
    expect(unsupported.map(([name, resource]) => `${name}: ${resource.Properties.Runtime}`)).toEqual([]);
  });

  it('puts no secret and no fake credential into a deployed stage environment', () => {
    const functions = Object.values(resources).filter((resource) => resource.Type === 'AWS::Lambda::Function');
    for (const fn of functions) {
      const variables = (fn.Properties.Environment as { Variables: Record<string, string> }).Variables;
      expect(variables.WECHAT_APP_SECRET ?? '').toBe('');
      expect(variables.JWT_SECRET ?? '').toBe('');
      expect(variables.WECHAT_APP_ID).toBe('wxpackagetest0001');
      expect(variables.WECHAT_APP_SECRET_PARAM).toBe('/little-red-flower/prod/wechat-app-secret');
    }
  });
});

describe('the local toolchain', () => {
  it('runs the Node major version that the Lambda runtime runs', () => {
    const majors = platform.lambdaRuntimes.map((runtime) => Number(/^nodejs(\d+)\.x$/.exec(runtime)![1]));
    expect(majors).toContain(Number(process.versions.node.split('.')[0]));
  });

  it('builds the bundles for the oldest supported runtime', () => {
    const yaml = readFileSync(resolve(ROOT, 'serverless.yml'), 'utf8');
    const oldest = Math.min(...platform.lambdaRuntimes.map((runtime) => Number(/\d+/.exec(runtime)![0])));
    expect(yaml).toMatch(new RegExp(`runtime: nodejs${oldest}\\.x`));
    expect(yaml).toMatch(new RegExp(`target: node${oldest}\\b`));
  });
});
