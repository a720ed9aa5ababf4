import type { RequestPaymentParams } from '../../domain/payment';
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  createSign,
  createVerify,
  randomBytes,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';

/**
 * WeChat Pay API v3's cryptography on node:crypto (the popular wrapper skips the GCM tag check, so
 * it is not used). Rules from WeChat Pay's v3 docs and its official SDKs:
 * - a request is signed RSA-SHA256 with the merchant key over `METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n`;
 * - `wx.requestPayment`'s paySign is RSA-SHA256 over `appId\ntimeStamp\nnonceStr\npackage\n`;
 * - answers and notifications are signed over `timestamp\nnonce\nbody\n`, with the key that
 *   `Wechatpay-Serial` names (a `PUB_KEY_ID_…` WeChat Pay public key, or a platform certificate);
 * - a notification's resource is AEAD_AES_256_GCM with the APIv3 key, the tag in its last 16 bytes.
 */

export const SIGNATURE_SCHEME = 'WECHATPAY2-SHA256-RSA2048';
/** WeChat Pay's own probe: a signature starting with this must never verify. */
export const SIGNTEST_PREFIX = 'WECHATPAY/SIGNTEST/';
/** Answers and notifications more than this far from now are refused (replays). */
export const MAX_CLOCK_SKEW_SECONDS = 300;

export function privateKeyOf(pem: string | KeyObject): KeyObject {
  return typeof pem === 'string' ? createPrivateKey(pem) : pem;
}

export function publicKeyOf(pem: string | KeyObject): KeyObject {
  return typeof pem === 'string' ? createPublicKey(pem) : pem;
}

/**
 * Platform certificates (older merchants, before public-key mode): each certificate's serial, as
 * WeChat Pay sends it in `Wechatpay-Serial` (upper-case hex), names its public key. Expired ones are
 * left out, so a signature by a retired certificate is refused as from an unknown serial.
 */
export function platformCertificateKeys(pemBundle: string, now = new Date()): Map<string, KeyObject> {
  const blocks = pemBundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const keys = new Map<string, KeyObject>();
  for (const block of blocks) {
    const certificate = new X509Certificate(block);
    if (Date.parse(certificate.validTo) > now.getTime() && Date.parse(certificate.validFrom) <= now.getTime()) {
      keys.set(certificate.serialNumber.toUpperCase(), certificate.publicKey);
    }
  }
  return keys;
}

export function rsaSign(key: KeyObject, message: string): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(key, 'base64');
}

export function newNonce(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

/** The `Authorization` header of a request to WeChat Pay. */
export function authorizationHeader(input: {
  mchid: string;
  serialNo: string;
  privateKey: KeyObject;
  method: string;
  /** The path with its query string, as sent. */
  pathWithQuery: string;
  body: string;
  timestamp?: number;
  nonce?: string;
}): string {
  const timestamp = String(input.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = input.nonce ?? newNonce();
  const signature = rsaSign(input.privateKey, `${input.method.toUpperCase()}\n${input.pathWithQuery}\n${timestamp}\n${nonce}\n${input.body}\n`);
  return `${SIGNATURE_SCHEME} mchid="${input.mchid}",nonce_str="${nonce}",timestamp="${timestamp}",serial_no="${input.serialNo}",signature="${signature}"`;
}

/** What `wx.requestPayment` (Taro.requestPayment) takes for a prepay id; `signType` is not part of what is signed. */
export function requestPaymentParams(input: {
  appId: string;
  prepayId: string;
  privateKey: KeyObject;
  timestamp?: number;
  nonce?: string;
}): RequestPaymentParams {
  const timeStamp = String(input.timestamp ?? Math.floor(Date.now() / 1000));
  const nonceStr = input.nonce ?? newNonce();
  const pkg = `prepay_id=${input.prepayId}`;
  return {
    appId: input.appId,
    timeStamp,
    nonceStr,
    package: pkg,
    signType: 'RSA',
    paySign: rsaSign(input.privateKey, `${input.appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`),
  };
}

export type SignatureProblem = 'missing_headers' | 'unknown_serial' | 'stale_timestamp' | 'signtest_probe' | 'bad_signature';

/**
 * Why an answer or a notification from WeChat Pay is not to be believed, or null when it is signed
 * by a key we hold, now. `headers` are lower-cased.
 */
export function signatureProblem(
  headers: Record<string, string | undefined>,
  rawBody: string,
  keys: ReadonlyMap<string, KeyObject>,
  nowSeconds: number,
): SignatureProblem | null {
  const serial = headers['wechatpay-serial'];
  const signature = headers['wechatpay-signature'];
  const timestamp = headers['wechatpay-timestamp'];
  const nonce = headers['wechatpay-nonce'];
  if (!serial || !signature || !timestamp || !nonce || !/^\d{1,12}$/.test(timestamp)) return 'missing_headers';
  if (signature.startsWith(SIGNTEST_PREFIX)) return 'signtest_probe';
  if (Math.abs(nowSeconds - Number(timestamp)) >= MAX_CLOCK_SKEW_SECONDS) return 'stale_timestamp';
  const key = keys.get(serial);
  if (!key) return 'unknown_serial';
  const verified = createVerify('RSA-SHA256').update(`${timestamp}\n${nonce}\n${rawBody}\n`, 'utf8').verify(key, signature, 'base64');
  return verified ? null : 'bad_signature';
}

/** A notification's `resource`. */
export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  nonce: string;
  associated_data?: string;
  original_type?: string;
}

export class ResourceDecryptionError extends Error {}

const TAG_BYTES = 16;

/** AEAD_AES_256_GCM with the 32-byte APIv3 key; the tag is checked (final() throws on a tampered text). */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new ResourceDecryptionError(`unsupported algorithm ${resource.algorithm}`);
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new ResourceDecryptionError('the APIv3 key must be 32 bytes');
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length <= TAG_BYTES) throw new ResourceDecryptionError('ciphertext too short');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(resource.nonce, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch (cause) {
    throw new ResourceDecryptionError('the resource does not decrypt (wrong key or tampered)', { cause });
  }
}

/** The other direction (the fake WeChat Pay server and the tests). */
export function encryptResource(plaintext: string, apiV3Key: string, associatedData: string, originalType: string): EncryptedResource {
  const nonce = randomBytes(6).toString('hex');
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: encrypted.toString('base64'), nonce, associated_data: associatedData, original_type: originalType };
}

/** Signs an answer or a notification as WeChat Pay does (the fake server and the tests). */
export function wechatpayHeaders(body: string, serial: string, key: KeyObject, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const nonce = newNonce();
  return {
    'wechatpay-serial': serial,
    'wechatpay-timestamp': String(timestamp),
    'wechatpay-nonce': nonce,
    'wechatpay-signature': rsaSign(key, `${timestamp}\n${nonce}\n${body}\n`),
  };
}
