import { z } from 'zod';
import { optional } from './optional';
import { loadRules, type Rules } from './rules';

/**
 * Every environment setting a function reads, validated at cold start. Local and test stages fill
 * what is not given with the embedded local values below; a value given always wins.
 */
const stageSchema = z.enum(['local', 'test', 'dev', 'staging', 'prod']);
export type Stage = z.infer<typeof stageSchema>;

/** The fake WeChat server's app credentials: only ever used when STAGE is local or test. */
export const FAKE_WECHAT_APP = { appId: 'wx4f4bc4dec97d474b', appSecret: 'local-fake-wechat-secret' } as const;
/** The local uploads bucket and emulator, and the fake WeChat's message-push token: local and test only. */
export const LOCAL_UPLOADS = { bucket: 'lrf-uploads', endpoint: 'http://localhost:4569', pushToken: 'local-push-token' } as const;
/** The local gateway's default address (npm run api), for local and test stages that name none. */
export const LOCAL_PUBLIC_API_BASE = 'http://127.0.0.1:3000';
/** Signs tokens in the local and test stages only; AWS stages read theirs from SSM. */
export const LOCAL_JWT_SECRET = 'local-only-jwt-secret-never-used-in-aws-0123456789abcdef';

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
  // The API's own public origin (its custom domain in AWS): photos are sent to and read from it.
  PUBLIC_API_BASE: optional(z.string().url()),
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
  /** Where the app reaches this API (photo upload and view URLs); null where none is configured. */
  publicApiBase: string | null;
  rules: Rules;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.parse(env);
  // Dev routes and embedded keys only for local and test, and never inside AWS: a function there
  // (AWS_LAMBDA_FUNCTION_NAME set) talks to the real DynamoDB, not a local endpoint.
  const runningInAws = Boolean(env.AWS_LAMBDA_FUNCTION_NAME) && !parsed.DYNAMODB_ENDPOINT;
  const isLocalStage = (parsed.STAGE === 'local' || parsed.STAGE === 'test') && !runningInAws;
  const rules = loadRules();
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
    publicApiBase: (parsed.PUBLIC_API_BASE ?? (isLocalStage ? LOCAL_PUBLIC_API_BASE : null))?.replace(/\/+$/, '') ?? null,
    rules,
  };
}
