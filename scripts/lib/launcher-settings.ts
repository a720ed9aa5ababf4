import { z } from 'zod';
import { FAKE_WECHAT_APP, LOCAL_UPLOADS } from '../../functions/shared/config';
import { optional } from '../../functions/shared/config/optional';

/**
 * The local launchers' settings (`npm start`, `npm run api`, seed, bench, roles). Every one can be
 * given in the environment and wins over the default; `WECHAT_*` are passed on to the functions.
 * They live here, beside the launchers, so no function bundle carries them.
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
  /** Where the app reaches the API (photo URLs point at it): the gateway on apiPort unless given. */
  publicApiBase: string;
}

/** The documented default ports of `npm start` (a second launcher beside it picks free ones). */
export const DEFAULT_PORTS = { api: 3000, dynamo: 8765, wechat: 3100, wechatpay: 3200, h5: 10086, s3: 4569 } as const;

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

const launcherEnvSchema = z.object({
  API_PORT: port(DEFAULT_PORTS.api),
  DYNAMODB_PORT: port(DEFAULT_PORTS.dynamo),
  FAKE_WECHAT_PORT: port(DEFAULT_PORTS.wechat),
  FAKE_WECHATPAY_PORT: port(DEFAULT_PORTS.wechatpay),
  H5_PORT: port(DEFAULT_PORTS.h5),
  S3_PORT: port(DEFAULT_PORTS.s3),
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
  PUBLIC_API_BASE: optional(z.string().url()),
});

export function loadLauncherSettings(env: NodeJS.ProcessEnv = process.env): LauncherSettings {
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
    publicApiBase: (parsed.PUBLIC_API_BASE ?? `http://127.0.0.1:${parsed.API_PORT}`).replace(/\/+$/, ''),
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
    PUBLIC_API_BASE: settings.publicApiBase,
    ...(settings.jwtSecret ? { JWT_SECRET: settings.jwtSecret } : {}),
  };
}
