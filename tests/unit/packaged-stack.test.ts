import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import budgets from '../../config/bundle-budgets.json';
import platform from '../../config/platform.json';
import { buildFloorBundle } from '../../scripts/lib/floor-bundle';

jest.setTimeout(180_000);

const ROOT = resolve(__dirname, '../..');

/** CloudFormation's and Lambda's hard limits, and this stack's own ceiling below them (room for new routes). */
const LIMITS = { resources: 400, outputs: 200, templateBytes: 1_000_000, environmentBytes: 4096 };

type Resource = { Type: string; Condition?: string; DependsOn?: string | string[]; Properties: Record<string, unknown> };

describe('the packaged stack', () => {
  let template: { Resources: Record<string, Resource>; Outputs?: Record<string, unknown>; Parameters?: Record<string, { Type: string; Default: string }> };
  let resources: Record<string, Resource>;
  let templateFile: string;
  let out: string;

  beforeAll(() => {
    // Arrange: package the stack exactly as a deploy would (no AWS credentials needed).
    out = mkdtempSync(join(tmpdir(), 'lrf-package-'));
    const run = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/osls/bin/serverless.js'), 'package', '--stage', 'prod', '--package', out], {
      cwd: ROOT,
      env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`serverless package failed:\n${run.stdout}\n${run.stderr}`);
    templateFile = join(out, 'cloudformation-template-update-stack.json');
    template = JSON.parse(readFileSync(templateFile, 'utf8'));
    resources = template.Resources;
  });

  const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);

  it('stays under CloudFormation limits with room to grow: resources, outputs, template size, each function environment', () => {
    expect(Object.keys(resources).length).toBeLessThanOrEqual(LIMITS.resources);
    expect(Object.keys(template.Outputs ?? {}).length).toBeLessThanOrEqual(LIMITS.outputs);
    expect(statSync(templateFile).size).toBeLessThanOrEqual(LIMITS.templateBytes);
    // Lambda counts the variables' names and values; their JSON is a little larger, so this errs safe.
    const heavy = ofType('AWS::Lambda::Function')
      .map(([name, fn]) => [name, JSON.stringify((fn.Properties.Environment as { Variables: unknown }).Variables).length] as const)
      .filter(([, bytes]) => bytes > LIMITS.environmentBytes);
    expect(heavy).toEqual([]);
  });

  it("passes AWS's own linter (cfn-lint) with no error, for the region it deploys to and for the China partition", () => {
    const probe = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
      console.log('cfn-lint is not installed here: the linter check is skipped (pip install cfn-lint to run it)');
      return;
    }
    for (const region of ['ap-east-1', 'cn-northwest-1']) {
      const lint = spawnSync('cfn-lint', ['--regions', region, '--format', 'parseable', '--', templateFile], { encoding: 'utf8' });
      const errors = lint.stdout.split('\n').filter((line) => /:E\d{4}:/.test(line));
      expect({ region, errors }).toEqual({ region, errors: [] });
    }
  });

  it('writes no partition into an ARN, so the same template deploys to aws and aws-cn', () => {
    expect(readFileSync(templateFile, 'utf8')).not.toMatch(/arn:aws:/);
  });

  it('runs every function on a Lambda runtime AWS supports for new functions', () => {
    const functions = ofType('AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThan(20);
    const unsupported = functions.filter(([, resource]) => !platform.lambdaRuntimes.includes(resource.Properties.Runtime as string));
    expect(unsupported.map(([name, resource]) => `${name}: ${resource.Properties.Runtime}`)).toEqual([]);
  });

  it('throttles the stage and, harder, the login route at API Gateway, after that route exists', () => {
    const stage = resources.HttpApiStage;
    const properties = stage.Properties as {
      DefaultRouteSettings: { ThrottlingRateLimit: number; ThrottlingBurstLimit: number };
      RouteSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    };
    expect(properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 500, ThrottlingBurstLimit: 1000 });
    expect(properties.RouteSettings['POST /auth/wechat']).toEqual({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 });
    const routeOf = (key: string) => ofType('AWS::ApiGatewayV2::Route').find(([, route]) => route.Properties.RouteKey === key)?.[0];
    for (const key of Object.keys(properties.RouteSettings)) expect([stage.DependsOn].flat()).toContain(routeOf(key));
  });

  it('deploys no local-only route (dev sign-in, dev grants) outside the local and test stages', () => {
    const keys = ofType('AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties.RouteKey);
    expect(keys).not.toContain('POST /auth/dev');
    expect(keys).not.toContain('POST /dev/grants');
    expect(keys).toContain('POST /dreams/{id}/donations');
  });

  it("puts no secret into a deployed environment, and takes deployed settings from SSM, not the deployer's shell", () => {
    for (const [, fn] of ofType('AWS::Lambda::Function')) {
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables.WECHAT_APP_SECRET ?? '').toBe('');
      expect(variables.JWT_SECRET ?? '').toBe('');
      expect(variables.WECHAT_APP_ID).toEqual({ Ref: 'WechatAppId' });
      expect(variables.WECHAT_APP_SECRET_PARAM).toBe('/little-red-flower/prod/wechat-app-secret');
    }
    for (const name of ['WechatAppId', 'WechatTemplates', 'WechatPayMchId', 'ApiDomainName', 'CorsOrigins', 'AlertEmail']) {
      expect(template.Parameters?.[name]?.Type).toMatch(/^AWS::SSM::Parameter::Value</);
      expect(template.Parameters?.[name]?.Default).toMatch(/^\/little-red-flower\/prod\/settings\//);
    }
  });

  it('lets each function read only the SSM parameters it uses, named one by one', () => {
    const ssmResources = (role: Resource) =>
      ((role.Properties.Policies as { PolicyDocument: { Statement: { Action: string[]; Resource: unknown }[] } }[]) ?? [])
        .flatMap((policy) => policy.PolicyDocument.Statement)
        .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('ssm:')))
        .flatMap((statement) => [statement.Resource].flat())
        .map((resource) => JSON.stringify(resource));
    const readers = new Map<string, string[]>();
    for (const [name, fn] of ofType('AWS::Lambda::Function')) {
      const roleName = ((fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'] ?? [])[0];
      const granted = ssmResources(resources[roleName]);
      expect({ name, wildcards: granted.filter((arn) => arn.includes('*')) }).toEqual({ name, wildcards: [] });
      readers.set(name, granted);
    }
    const canRead = (fn: string, parameter: string) => (readers.get(fn) ?? []).some((arn) => arn.includes(parameter));
    expect(canRead('MealPaymentsLambdaFunction', 'wechatpay-merchant-key')).toBe(true);
    expect(canRead('PaymentNotifyLambdaFunction', 'wechatpay-apiv3-key')).toBe(true);
    expect(canRead('WindupWorkerLambdaFunction', 'wechatpay-merchant-key')).toBe(true);
    const payReaders = [...readers.keys()].filter((fn) => canRead(fn, 'wechatpay-merchant-key'));
    expect(payReaders.sort()).toEqual(['MealPaymentsLambdaFunction', 'PaymentNotifyLambdaFunction', 'WindupWorkerLambdaFunction']);
    // It checks a token when one is sent (401 on an invalid one, as every public route): the signing secret only.
    expect(readers.get('OpenApiLambdaFunction')).toEqual([expect.stringContaining('/little-red-flower/prod/jwt-secret')]);
  });

  it('runs the OpenAPI document on a role of its own: its logs and the token secret, nothing else', () => {
    const roleName = ((resources.OpenApiLambdaFunction.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'] ?? [])[0];
    expect(roleName).not.toBe('IamRoleLambdaExecution');
    const actions = ((resources[roleName].Properties.Policies as { PolicyDocument: { Statement: { Action: string[] }[] } }[]) ?? [])
      .flatMap((policy) => policy.PolicyDocument.Statement)
      .flatMap((statement) => statement.Action);
    const allowed = ['ssm:GetParameter'];
    expect(actions.filter((action) => !action.startsWith('logs:') && !action.startsWith('xray:') && !allowed.includes(action))).toEqual([]);
  });

  it('protects the data: the table from deletion, the photos with versions and TLS only, CORS from settings', () => {
    expect(resources.FlowersTable.Properties.DeletionProtectionEnabled).toBe(true);
    expect(resources.UploadsBucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    const tls = ofType('AWS::S3::BucketPolicy').flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: unknown[] }).Statement);
    expect(tls).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    const api = ofType('AWS::ApiGatewayV2::Api')[0][1];
    expect((api.Properties.CorsConfiguration as { AllowOrigins: unknown }).AllowOrigins).toEqual({ Ref: 'CorsOrigins' });
    const rules = (resources.UploadsBucket.Properties.CorsConfiguration as { CorsRules: { AllowedOrigins: unknown }[] }).CorsRules;
    expect(rules.map((rule) => rule.AllowedOrigins)).toEqual([{ Ref: 'CorsOrigins' }]);
  });

  it('sends every alarm to the alert topic, which the alert email subscribes to', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThanOrEqual(10);
    expect(alarms.filter(([, alarm]) => JSON.stringify(alarm.Properties.AlarmActions) !== JSON.stringify([{ Ref: 'AlertTopic' }])).map(([n]) => n)).toEqual([]);
    expect(resources.AlertEmailSubscription.Properties).toEqual(expect.objectContaining({ Protocol: 'email', Endpoint: { Ref: 'AlertEmail' } }));
    // Each stream consumer: its failed records and how far behind it is.
    for (const consumer of ['eventDispatcher', 'photoChecker', 'windupWorker', 'fanoutWorker']) {
      const C = consumer[0].toUpperCase() + consumer.slice(1);
      expect(resources[`${C}FailuresAlarm`]).toBeDefined();
      expect(resources[`${C}IteratorAgeAlarm`]).toBeDefined();
    }
    for (const name of [
      'StreamDeadLetterAlarm',
      'RefundFailedAlarm',
      'PayoutFailedAlarm',
      'LambdaErrorsAlarm',
      'LambdaThrottlesAlarm',
      'Api5xxAlarm',
      'DynamoThrottlesAlarm',
      'DynamoSystemErrorsAlarm',
    ])
      expect(resources[name]?.Type).toBe('AWS::CloudWatch::Alarm');
    expect(ofType('AWS::CloudWatch::Dashboard')).toHaveLength(1);
  });

  it('traces the functions and logs every API request as JSON with its request id', () => {
    for (const [, fn] of ofType('AWS::Lambda::Function')) expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
    const stage = resources.HttpApiStage.Properties as { AccessLogSettings?: { Format: string } };
    expect(JSON.parse(stage.AccessLogSettings!.Format)).toEqual(expect.objectContaining({ requestId: '$context.requestId' }));
  });

  it('ships each function as one minified bundle, no source map, within the budget against the floor bundle', async () => {
    const floor = await buildFloorBundle();
    const zips = ofType('AWS::Lambda::Function');
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
