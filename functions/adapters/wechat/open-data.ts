import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { OpenDataRefused } from '../../domain/errors';
import type { OpenDataPort } from '../../domain/wechat';

/**
 * WeChat open data (wx.getWeRunData, wx.getUserInfo …): AES-128-CBC with PKCS#7 padding, the key is
 * the user's base64 session_key and the plaintext is JSON carrying `watermark.appid`. CBC has no
 * integrity check, so the watermark is the only sign that the data was made for our app.
 */

const CIPHER = 'aes-128-cbc';
const BLOCK_BYTES = 16;
// Buffer.from(…, 'base64') silently skips bad characters, so check the alphabet first.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export type OpenDataFailure = 'decrypt_failed' | 'bad_json' | 'wrong_appid' | 'bad_input';

export class OpenDataError extends OpenDataRefused {
  constructor(
    readonly reason: OpenDataFailure,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'OpenDataError';
  }
}

export interface Watermark {
  appid: string;
  timestamp: number;
}

export interface OpenDataInput {
  sessionKey: string;
  encryptedData: string;
  iv: string;
  appId: string;
}

export function decryptOpenData<T = unknown>(input: OpenDataInput): T & { watermark: Watermark } {
  if (!input.appId) throw new OpenDataError('bad_input', 'appId is empty');
  const key = decodeBase64(input.sessionKey, 'sessionKey', BLOCK_BYTES);
  const iv = decodeBase64(input.iv, 'iv', BLOCK_BYTES);
  const ciphertext = decodeBase64(input.encryptedData, 'encryptedData');
  if (ciphertext.length % BLOCK_BYTES !== 0) {
    throw new OpenDataError('bad_input', 'encryptedData is not a whole number of AES blocks');
  }

  let plaintext: string;
  try {
    const decipher = createDecipheriv(CIPHER, key, iv);
    plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch (cause) {
    throw new OpenDataError('decrypt_failed', 'open data does not decrypt with this session key', { cause });
  }

  let data: unknown;
  try {
    data = JSON.parse(plaintext);
  } catch (cause) {
    throw new OpenDataError('bad_json', 'decrypted open data is not JSON', { cause });
  }
  if (!isRecord(data)) throw new OpenDataError('bad_json', 'decrypted open data is not a JSON object');

  const watermark = data.watermark;
  if (!isRecord(watermark) || typeof watermark.timestamp !== 'number' || watermark.appid !== input.appId) {
    throw new OpenDataError('wrong_appid', 'open data watermark is missing or names another app');
  }
  return data as T & { watermark: Watermark };
}

/** Encrypts a payload the way WeChat does; the caller puts the watermark in the payload. */
export function encryptOpenData(payload: object, sessionKey: string, iv?: string): { encryptedData: string; iv: string } {
  const key = decodeBase64(sessionKey, 'sessionKey', BLOCK_BYTES);
  const ivBytes = iv === undefined ? randomBytes(BLOCK_BYTES) : decodeBase64(iv, 'iv', BLOCK_BYTES);
  const cipher = createCipheriv(CIPHER, key, ivBytes);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  return { encryptedData: ciphertext.toString('base64'), iv: ivBytes.toString('base64') };
}

function decodeBase64(value: string, field: string, expectedBytes?: number): Buffer {
  if (typeof value !== 'string' || value.length === 0 || !BASE64.test(value)) {
    throw new OpenDataError('bad_input', `${field} is not base64`);
  }
  const bytes = Buffer.from(value, 'base64');
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) {
    throw new OpenDataError('bad_input', `${field} must be ${expectedBytes} bytes`);
  }
  return bytes;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The open-data port for one app: data made for another app is refused. */
export function openDataFor(appId: string): OpenDataPort {
  return { decrypt: <T>(input: { sessionKey: string; encryptedData: string; iv: string }) => decryptOpenData<T>({ ...input, appId }) };
}
