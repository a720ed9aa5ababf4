import { z } from 'zod';
import { optional } from './optional';

/** WeChat Pay (merchant mode); null where it is not configured (no love-meal payments then). */
export interface WechatPaySettings {
  apiBase: string;
  mchid: string;
  serialNo: string;
  privateKey?: string;
  privateKeyParam?: string;
  /** Public-key mode: `PUB_KEY_ID_…` and its key (either this or platform certificates, or both while moving). */
  publicKeyId?: string;
  publicKey?: string;
  /** In AWS the public key is read from SSM at start (a direct value wins). */
  publicKeyParam?: string;
  /** Older merchants: WeChat Pay's platform certificates (PEM, one or more), each named by its serial. */
  platformCertificates?: string;
  /** In AWS from SSM at start, as they would not fit Lambda's 4 KB of environment; 'none' there: none. */
  platformCertificatesParam?: string;
  apiV3Key?: string;
  apiV3KeyParam?: string;
  /** Where notifications go: PUBLIC_API_BASE + /payments/wechatpay/notify. */
  notifyUrl: string;
}

/**
 * WeChat Pay's settings, read once by the payment functions only (so the others do not carry
 * them): all given, or none. In local/test the launchers give the fake WeChat Pay's base and keys;
 * a given WECHATPAY_API_BASE with its keys always wins. In AWS the keys, the public key and the
 * platform certificates come from SSM (`*_PARAM`). A merchant id given with the rest missing is an
 * error naming what is missing, never payments silently off.
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
    WECHATPAY_PUBLIC_KEY_PARAM: optional(z.string()),
    WECHATPAY_PLATFORM_CERTIFICATES: optional(z.string().min(1)),
    WECHATPAY_PLATFORM_CERTIFICATES_PARAM: optional(z.string()),
    WECHATPAY_APIV3_KEY: optional(z.string().length(32)),
    WECHATPAY_APIV3_KEY_PARAM: optional(z.string()),
    PUBLIC_API_BASE: optional(z.string().url()),
  });
  const parsed = schema.parse(env);
  const { WECHATPAY_MCH_ID: mchid, WECHATPAY_MCH_SERIAL: serialNo, WECHATPAY_PUBLIC_KEY_ID: publicKeyId, WECHATPAY_PUBLIC_KEY: publicKey } = parsed;
  const platformCertificates = parsed.WECHATPAY_PLATFORM_CERTIFICATES;
  if (!mchid) return null;
  const publicKeyParam = publicKey ? undefined : parsed.WECHATPAY_PUBLIC_KEY_PARAM;
  const platformCertificatesParam = platformCertificates ? undefined : parsed.WECHATPAY_PLATFORM_CERTIFICATES_PARAM;
  const verifiable = (publicKeyId && (publicKey || publicKeyParam)) || platformCertificates || platformCertificatesParam;
  const missing = [
    ...(serialNo ? [] : ['WECHATPAY_MCH_SERIAL']),
    ...(verifiable ? [] : ['WECHATPAY_PUBLIC_KEY_ID with WECHATPAY_PUBLIC_KEY, or WECHATPAY_PLATFORM_CERTIFICATES']),
    ...(parsed.PUBLIC_API_BASE ? [] : ['PUBLIC_API_BASE']),
  ];
  if (missing.length || !serialNo || !parsed.PUBLIC_API_BASE) throw new Error(`WeChat Pay is configured (WECHATPAY_MCH_ID) but misses ${missing.join(', ')}`);
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
    publicKeyParam: publicKeyId ? publicKeyParam : undefined,
    platformCertificates,
    platformCertificatesParam,
    apiV3Key,
    apiV3KeyParam: apiV3Key ? undefined : parsed.WECHATPAY_APIV3_KEY_PARAM,
    notifyUrl: `${parsed.PUBLIC_API_BASE.replace(/\/$/, '')}/payments/wechatpay/notify`,
  };
}
