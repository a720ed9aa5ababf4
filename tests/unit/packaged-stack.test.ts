import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import budgets from '../../config/bundle-budgets.json';
import platform from '../../config/platform.json';
import { buildFloorBundle } from '../../scripts/lib/floor-bundle';

jest.setTimeout(180_000);

const ROOT = resolve(__dirname, '../..');

describe('the packaged stack', () => {
  let resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  let out: string;

  beforeAll(() => {
    // Arrange: package the stack exactly as a deploy would (no AWS credentials needed).
    out = mkdtempSync(join(tmpdir(), 'lrf-package-'));
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

  it('throttles the stage and, harder, the login route at API Gateway', () => {
    const stage = resources.HttpApiStage?.Properties as {
      DefaultRouteSettings: { ThrottlingRateLimit: number; ThrottlingBurstLimit: number };
      RouteSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    };
    expect(stage.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 500, ThrottlingBurstLimit: 1000 });
    expect(stage.RouteSettings['POST /auth/wechat']).toEqual({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 });
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

  it('ships each function as one minified bundle, no source map, within the budget against the floor bundle', async () => {
    const floor = await buildFloorBundle();
    const zips = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
    const report = zips.map(([name]) => {
      const artifact = `${name.replace(/LambdaFunction$/, '').replace(/^./, (c) => c.toLowerCase())}.zip`;
      const files = unzipSync(readFileSync(join(out, artifact)));
      const names = Object.keys(files);
      const bundle = names.find((file) => /\.(mjs|js)$/.test(file));
      return { name, names, ratio: bundle ? files[bundle].length / floor.bytes : Infinity };
    });
    expect(report.filter((r) => r.names.some((file) => file.endsWith('.map'))).map((r) => r.name)).toEqual([]);
    expect(report.filter((r) => r.names.length !== 1).map((r) => `${r.name}: ${r.names.join(', ')}`)).toEqual([]);
    const over = report.filter((r) => r.ratio > budgets.maxBundleToFloor).map((r) => `${r.name}: ${r.ratio.toFixed(2)} × floor`);
    expect(over).toEqual([]);
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
