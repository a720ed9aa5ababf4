import { createHash, createHmac, createPrivateKey, createPublicKey, randomBytes, sign, verify } from 'node:crypto';
import type { Ed25519Sign } from '../../domain/log-note';
import type { LogCrypto } from '../../domain/log-ports';

/**
 * The log's hashing and Ed25519 on node:crypto: no dependency for what Node has built in (the
 * phone, which has no node:crypto, uses @noble/* for the same checks).
 */
const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());

export const nodeLogCrypto: LogCrypto = {
  sha256,
  hmac: (key, message) => new Uint8Array(createHmac('sha256', key).update(message).digest()),
  random: (bytes) => new Uint8Array(randomBytes(bytes)),
  verify: (publicKey, message, signature) => {
    try {
      return verify(null, message, ed25519PublicKey(publicKey), signature);
    } catch {
      return false;
    }
  },
};

function ed25519PublicKey(raw: Uint8Array) {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

/** PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410), which is how node:crypto takes a key. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** An Ed25519 key from its 32-byte seed: the raw public key and a signing function. */
export function ed25519FromSeed(seed: Uint8Array): { publicKey: Uint8Array; sign: Ed25519Sign } {
  if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = new Uint8Array(Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x as string, 'base64url'));
  return { publicKey, sign: (message) => new Uint8Array(sign(null, message, privateKey)) };
}
