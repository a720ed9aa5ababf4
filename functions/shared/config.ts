import { z } from 'zod';
import rulesJson from '../../config/rules.json';

/**
 * Every rule value (caps, rates, prices) and every environment setting, read once and validated
 * at cold start so a bad deployment fails loudly instead of computing wrong balances.
 */
const positiveInt = z.number().int().positive();

const rulesSchema = z.object({
  timezone: z.string().min(1),
  auth: z.object({ tokenTtlDays: positiveInt.min(7) }),
  idempotency: z.object({
    keepHours: positiveInt.min(24),
    inProgressLeaseSeconds: positiveInt,
    waitForInProgressMs: positiveInt,
  }),
  ledger: z.object({ maxMoveAttempts: positiveInt }),
  steps: z.object({
    stepsPerFlower: positiveInt,
    maxFlowersPerDay: positiveInt,
    minSteps: positiveInt,
    maxStepsPerDay: positiveInt,
  }),
  quiz: z.object({ questionsPerDay: positiveInt, flowersPerCorrectAnswer: positiveInt }),
  lowcarbon: z.object({ flowersPerAction: positiveInt, maxFlowersPerDay: positiveInt, memberCodeTtlSeconds: positiveInt }),
  sponsors: z.object({ maxMatchFenPerUserPerDay: positiveInt }),
  meals: z.object({
    priceFen: positiveInt,
    maxMealsPerDonation: positiveInt.max(1_000),
    fundShards: positiveInt.max(32),
    lotShards: positiveInt.max(16),
    passTtlSeconds: positiveInt.max(300),
    passWindowSeconds: positiveInt.max(300),
    mealsPerWorkerPerPeriod: positiveInt,
    workerPeriod: z.enum(['day', 'week', 'month']),
  }),
  devGrant: z.object({ maxFlowersPerGrant: positiveInt }),
  quotas: z.object({
    dreamsPerDay: positiveInt,
    teamsPerDay: positiveInt,
    storesPerDay: positiveInt,
    teamJoinAttemptsPerMinute: positiveInt,
    failedLoginsPerMinute: positiveInt,
    uploadsPerDay: positiveInt,
    lettersPerDay: positiveInt,
    mealDonationsPerDay: positiveInt,
    workerClaimsPerDay: positiveInt,
  }),
  uploads: z.object({
    maxBytes: positiveInt.max(5 * 1024 * 1024),
    postTtlSeconds: positiveInt.max(3_600),
    viewUrlTtlSeconds: positiveInt.max(7 * 24 * 3_600),
    checkUrlTtlSeconds: positiveInt.max(24 * 3_600),
  }),
  letters: z.object({ maxGapDays: positiveInt }),
  review: z.object({ maxPerProposerInQueue: positiveInt }),
  fanout: z.object({
    pageSize: positiveInt.max(1_000),
    concurrency: positiveInt.max(100),
    sendRetryBackoffMs: z.array(positiveInt).max(10),
    sendsPerSecondPerWorker: positiveInt,
  }),
  subscribe: z.object({
    maxCreditsPerTopic: positiveInt,
  }),
});

export type Rules = z.infer<typeof rulesSchema>;

const stageSchema = z.enum(['local', 'test', 'dev', 'staging', 'prod']);
export type Stage = z.infer<typeof stageSchema>;

/** The fake WeChat server's app credentials: only ever used when STAGE is local or test. */
export const FAKE_WECHAT_APP = { appId: 'wx4f4bc4dec97d474b', appSecret: 'local-fake-wechat-secret' } as const;
/** The local uploads bucket and emulator, and the fake WeChat's message-push token: local and test only. */
export const LOCAL_UPLOADS = { bucket: 'lrf-uploads', endpoint: 'http://localhost:4569', pushToken: 'local-push-token' } as const;
/** Signs tokens in the local and test stages only; AWS stages read theirs from SSM. */
export const LOCAL_JWT_SECRET = 'local-only-jwt-secret-never-used-in-aws-0123456789abcdef';

/** Empty environment values (serverless.yml's `${env:X, ''}`) mean "not set". */
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const envSchema = z.object({
  STAGE: stageSchema.default('local'),
  TABLE_NAME: z.string().min(3).default('little-red-flower-local'),
  DYNAMODB_ENDPOINT: optional(z.string().url()),
  AWS_REGION: z.string().default('ap-east-1'),
  WECHAT_API_BASE: optional(z.string().url()),
  WECHAT_APP_ID: optional(z.string()),
  WECHAT_APP_SECRET: optional(z.string()),
  WECHAT_APP_SECRET_PARAM: optional(z.string()),
  JWT_SECRET: optional(z.string().min(32)),
  JWT_SECRET_PARAM: optional(z.string()),
  // In AWS a CloudFormation Ref (serverless.yml); empty (unset) for a function with no photos to handle.
  UPLOADS_BUCKET: optional(z.string().min(3)),
  S3_ENDPOINT: optional(z.string().url()),
  WECHAT_PUSH_TOKEN: optional(z.string().min(3)),
  WECHAT_PUSH_TOKEN_PARAM: optional(z.string()),
});

/** A subscribe-message template: its id (null: that topic sends no WeChat message) and its keys by meaning. */
export interface SubscribeTemplate {
  id: string | null;
  keys: { title: string; note: string; time: string };
}

export interface AppConfig {
  /** The environment this was read from (the payment functions read their own settings from it). */
  env: NodeJS.ProcessEnv;
  stage: Stage;
  isLocalStage: boolean;
  tableName: string;
  dynamodbEndpoint?: string;
  region: string;
  wechat: {
    apiBase: string;
    appId: string;
    appSecret?: string;
    appSecretParam?: string;
    /** The message-push token (媒体检测 verdicts come by push); a direct value wins over the parameter. */
    pushToken?: string;
    pushTokenParam?: string;
  };
  jwt: { secret?: string; secretParam?: string };
  /** The uploads bucket; `endpoint` only for a local emulator (path-style). Null where none is configured. */
  uploads: { bucket: string; endpoint?: string } | null;
  rules: Rules;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.parse(env);
  // Dev routes and embedded keys only for local and test, and never inside AWS: a function there
  // (AWS_LAMBDA_FUNCTION_NAME set) talks to the real DynamoDB, not a local endpoint.
  const runningInAws = Boolean(env.AWS_LAMBDA_FUNCTION_NAME) && !parsed.DYNAMODB_ENDPOINT;
  const isLocalStage = (parsed.STAGE === 'local' || parsed.STAGE === 'test') && !runningInAws;
  const rules = rulesSchema.parse(rulesJson);
  const wechatApiBase = parsed.WECHAT_API_BASE ?? (isLocalStage ? 'http://127.0.0.1:3100' : 'https://api.weixin.qq.com');
  const appId = parsed.WECHAT_APP_ID ?? (isLocalStage ? FAKE_WECHAT_APP.appId : undefined);
  if (!appId) throw new Error('WECHAT_APP_ID must be set outside the local and test stages');
  const appSecret = parsed.WECHAT_APP_SECRET ?? (isLocalStage ? FAKE_WECHAT_APP.appSecret : undefined);
  if (!appSecret && !parsed.WECHAT_APP_SECRET_PARAM) {
    throw new Error('WECHAT_APP_SECRET or WECHAT_APP_SECRET_PARAM must be set outside the local and test stages');
  }
  const jwtSecret = parsed.JWT_SECRET ?? (isLocalStage ? LOCAL_JWT_SECRET : undefined);
  if (!jwtSecret && !parsed.JWT_SECRET_PARAM) throw new Error('JWT_SECRET or JWT_SECRET_PARAM must be set outside the local and test stages');
  const pushToken = parsed.WECHAT_PUSH_TOKEN ?? (isLocalStage ? LOCAL_UPLOADS.pushToken : undefined);
  const bucket = parsed.UPLOADS_BUCKET ?? (isLocalStage ? LOCAL_UPLOADS.bucket : undefined);
  const s3Endpoint = parsed.S3_ENDPOINT ?? (isLocalStage ? LOCAL_UPLOADS.endpoint : undefined);
  return {
    env,
    stage: parsed.STAGE,
    isLocalStage,
    tableName: parsed.TABLE_NAME,
    dynamodbEndpoint: parsed.DYNAMODB_ENDPOINT,
    region: parsed.AWS_REGION,
    wechat: {
      apiBase: wechatApiBase.replace(/\/$/, ''),
      appId,
      appSecret,
      // A secret given directly wins; the parameter is only read when none was.
      appSecretParam: appSecret ? undefined : parsed.WECHAT_APP_SECRET_PARAM,
      pushToken,
      pushTokenParam: pushToken ? undefined : parsed.WECHAT_PUSH_TOKEN_PARAM,
    },
    jwt: { secret: jwtSecret, secretParam: jwtSecret ? undefined : parsed.JWT_SECRET_PARAM },
    uploads: bucket ? { bucket, endpoint: s3Endpoint } : null,
    rules,
  };
}

/** WeChat Pay (merchant mode, issue 13); null where it is not configured (no love-meal payments then). */
export interface WechatPaySettings {
  apiBase: string;
  mchid: string;
  serialNo: string;
  privateKey?: string;
  privateKeyParam?: string;
  /** Public-key mode: `PUB_KEY_ID_…` and its key (either this or platform certificates, or both while moving). */
  publicKeyId?: string;
  publicKey?: string;
  /** Older merchants: WeChat Pay's platform certificates (PEM, one or more), each named by its serial. */
  platformCertificates?: string;
  apiV3Key?: string;
  apiV3KeyParam?: string;
  /** Where notifications go: PUBLIC_API_BASE + /payments/wechatpay/notify. */
  notifyUrl: string;
}

/**
 * WeChat Pay's settings, read once by the payment functions only (so the others do not carry
 * them): all given, or none. In local/test the launchers give the fake WeChat Pay's base and keys;
 * a given WECHATPAY_API_BASE with its keys always wins. In AWS the key and the APIv3 key come from
 * SSM (`*_PARAM`).
 */
export function loadWechatPaySettings(env: NodeJS.ProcessEnv, isLocalStage: boolean): WechatPaySettings | null {
  const schema = z.object({
    WECHATPAY_API_BASE: optional(z.string().url()),
    WECHATPAY_MCH_ID: optional(z.string().min(1)),
    WECHATPAY_MCH_SERIAL: optional(z.string().min(1)),
    WECHATPAY_MCH_PRIVATE_KEY: optional(z.string().min(1)),
    WECHATPAY_MCH_PRIVATE_KEY_PARAM: optional(z.string()),
    WECHATPAY_PUBLIC_KEY_ID: optional(z.string().min(1)),
    WECHATPAY_PUBLIC_KEY: optional(z.string().min(1)),
    WECHATPAY_PLATFORM_CERTIFICATES: optional(z.string().min(1)),
    WECHATPAY_APIV3_KEY: optional(z.string().length(32)),
    WECHATPAY_APIV3_KEY_PARAM: optional(z.string()),
    PUBLIC_API_BASE: optional(z.string().url()),
  });
  const parsed = schema.parse(env);
  const { WECHATPAY_MCH_ID: mchid, WECHATPAY_MCH_SERIAL: serialNo, WECHATPAY_PUBLIC_KEY_ID: publicKeyId, WECHATPAY_PUBLIC_KEY: publicKey } = parsed;
  const platformCertificates = parsed.WECHATPAY_PLATFORM_CERTIFICATES;
  if (!mchid || !serialNo || !((publicKeyId && publicKey) || platformCertificates) || !parsed.PUBLIC_API_BASE) return null;
  const privateKey = parsed.WECHATPAY_MCH_PRIVATE_KEY;
  const apiV3Key = parsed.WECHATPAY_APIV3_KEY;
  if (!privateKey && !parsed.WECHATPAY_MCH_PRIVATE_KEY_PARAM)
    throw new Error('WECHATPAY_MCH_PRIVATE_KEY or WECHATPAY_MCH_PRIVATE_KEY_PARAM must be set with WECHATPAY_MCH_ID');
  if (!apiV3Key && !parsed.WECHATPAY_APIV3_KEY_PARAM) throw new Error('WECHATPAY_APIV3_KEY or WECHATPAY_APIV3_KEY_PARAM must be set with WECHATPAY_MCH_ID');
  return {
    apiBase: (parsed.WECHATPAY_API_BASE ?? (isLocalStage ? 'http://127.0.0.1:3200' : 'https://api.mch.weixin.qq.com')).replace(/\/$/, ''),
    mchid,
    serialNo,
    privateKey,
    privateKeyParam: privateKey ? undefined : parsed.WECHATPAY_MCH_PRIVATE_KEY_PARAM,
    publicKeyId,
    publicKey,
    platformCertificates,
    apiV3Key,
    apiV3KeyParam: apiV3Key ? undefined : parsed.WECHATPAY_APIV3_KEY_PARAM,
    notifyUrl: `${parsed.PUBLIC_API_BASE.replace(/\/$/, '')}/payments/wechatpay/notify`,
  };
}

/**
 * The local launchers' settings (`npm start`, `npm run api`, seed, bench, roles). Every one can be
 * given in the environment and wins over the default; `WECHAT_*` are passed on to the functions.
 */

export interface LauncherSettings {
  apiPort: number;
  dynamoPort: number;
  wechatPort: number;
  wechatpayPort: number;
  h5Port: number;
  s3Port: number;
  /** An S3 (or emulator) outside: then none is started. */
  s3Endpoint?: string;
  uploadsBucket: string;
  /** Relative to the repository root unless absolute. */
  dataDir: string;
  stage: 'local' | 'test';
  tableName: string;
  dynamodbEndpoint?: string;
  wechat: { apiBase?: string; appId: string; appSecret: string };
  jwtSecret?: string;
}

export function loadLauncherSettings(env: NodeJS.ProcessEnv = process.env): LauncherSettings {
  // Built here, not at module level, so function bundles (which never call this) tree-shake it.
  const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
  const launcherEnvSchema = z.object({
    API_PORT: port(3000),
    DYNAMODB_PORT: port(8765),
    FAKE_WECHAT_PORT: port(3100),
    FAKE_WECHATPAY_PORT: port(3200),
    H5_PORT: port(10086),
    S3_PORT: port(4569),
    S3_ENDPOINT: optional(z.string().url()),
    UPLOADS_BUCKET: z.string().min(3).default(LOCAL_UPLOADS.bucket),
    DATA_DIR: z.string().min(1).default('.data'),
    STAGE: z.enum(['local', 'test']).catch('local'),
    LRF_TABLE_NAME: z.string().min(3).default('little-red-flower-local'),
    LRF_DYNAMODB_ENDPOINT: optional(z.string().url()),
    WECHAT_API_BASE: optional(z.string().url()),
    WECHAT_APP_ID: optional(z.string().min(1)),
    WECHAT_APP_SECRET: optional(z.string().min(1)),
    JWT_SECRET: optional(z.string().min(32)),
  });
  const parsed = launcherEnvSchema.parse(env);
  return {
    apiPort: parsed.API_PORT,
    dynamoPort: parsed.DYNAMODB_PORT,
    wechatPort: parsed.FAKE_WECHAT_PORT,
    wechatpayPort: parsed.FAKE_WECHATPAY_PORT,
    h5Port: parsed.H5_PORT,
    s3Port: parsed.S3_PORT,
    s3Endpoint: parsed.S3_ENDPOINT,
    uploadsBucket: parsed.UPLOADS_BUCKET,
    dataDir: parsed.DATA_DIR,
    stage: parsed.STAGE,
    tableName: parsed.LRF_TABLE_NAME,
    dynamodbEndpoint: parsed.LRF_DYNAMODB_ENDPOINT,
    wechat: {
      apiBase: parsed.WECHAT_API_BASE?.replace(/\/$/, ''),
      appId: parsed.WECHAT_APP_ID ?? FAKE_WECHAT_APP.appId,
      appSecret: parsed.WECHAT_APP_SECRET ?? FAKE_WECHAT_APP.appSecret,
    },
    jwtSecret: parsed.JWT_SECRET,
  };
}

/** The environment a local launcher hands to the functions (and to its own seeding container). */
export function functionEnvironment(settings: LauncherSettings, dynamodbEndpoint: string, wechatApiBase: string, s3Endpoint?: string): Record<string, string> {
  return {
    STAGE: settings.stage,
    ...(s3Endpoint ? { S3_ENDPOINT: s3Endpoint } : {}),
    UPLOADS_BUCKET: settings.uploadsBucket,
    TABLE_NAME: settings.tableName,
    DYNAMODB_ENDPOINT: dynamodbEndpoint,
    WECHAT_API_BASE: wechatApiBase,
    WECHAT_APP_ID: settings.wechat.appId,
    WECHAT_APP_SECRET: settings.wechat.appSecret,
    ...(settings.jwtSecret ? { JWT_SECRET: settings.jwtSecret } : {}),
  };
}

let cached: AppConfig | undefined;
/** The process-wide configuration, parsed on first use. */
export function config(): AppConfig {
  cached ??= loadConfig();
  return cached;
}
/** Tests that change the environment call this to re-read it. */
export function resetConfigForTests(): void {
  cached = undefined;
}
