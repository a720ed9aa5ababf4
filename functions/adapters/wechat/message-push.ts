import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * WeChat's message push (消息推送) in plaintext mode: it signs each push with
 * sha1(sort(token, timestamp, nonce)) and sends the signature in the query. The token is the one
 * set in the mini-program's console (WECHAT_PUSH_TOKEN; in AWS from SSM).
 */
export function pushSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

/** True only for a push signed with our token, whose timestamp is within `maxSkewSeconds` of now. */
export function verifyPush(
  token: string,
  query: { signature?: string; timestamp?: string; nonce?: string },
  nowSeconds: number,
  maxSkewSeconds = 300,
): boolean {
  const { signature, timestamp, nonce } = query;
  if (!signature || !timestamp || !nonce || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > maxSkewSeconds) return false;
  const expected = Buffer.from(pushSignature(token, timestamp, nonce), 'utf8');
  const given = Buffer.from(signature.toLowerCase(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
