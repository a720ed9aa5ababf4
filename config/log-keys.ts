import { createHash, createPrivateKey, createPublicKey } from 'node:crypto'

/**
 * The public log's keys baked into an app build: the log's verifier key, with which the phone checks
 * a checkpoint's signature itself, and the witnesses' keys, whose cosignatures it counts. A deployed
 * stage names them (TARO_APP_LOG_VKEY = what `npm run log-key` prints; TARO_APP_LOG_WITNESSES,
 * comma-separated, or nothing); local and test builds use the keys of the embedded local seeds, so
 * they trust exactly what `npm run api` signs. Config files are compiled on their own, so the
 * seeds are repeated here; a unit test holds them equal to the server's.
 */
export const LOCAL_LOG_SEED = '6c6974746c652d7265642d666c6f7765722d6c6f63616c2d6c6f672d6b657921'
export const LOCAL_LOG_ORIGIN = 'localhost/little-red-flower/log'
export const LOCAL_WITNESS_SEED = '6c6974746c652d7265642d666c6f7765722d6c6f63616c2d7769746e65737321'
export const LOCAL_WITNESS_NAME = 'localhost/little-red-flower/witness'

const ED25519 = 0x01
const COSIGNATURE = 0x04
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')

function publicKeyOf(seedHex: string): Buffer {
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, Buffer.from(seedHex, 'hex')]), format: 'der', type: 'pkcs8' })
  return Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x as string, 'base64url')
}

/** A signed-note verifier key `<name>+<hex key id>+<base64(type || public key)>`. */
export function verifierKeyOf(name: string, type: number, seedHex: string): string {
  const keyed = Buffer.concat([Buffer.from([type]), publicKeyOf(seedHex)])
  const keyId = createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`), keyed]))
    .digest()
    .subarray(0, 4)
  return `${name}+${keyId.toString('hex')}+${keyed.toString('base64')}`
}

export interface LogKeysOfBuild {
  vkey: string
  witnesses: string[]
}

export function logKeysFor(build: { platform?: string; stage?: string; vkey?: string; witnesses?: string }): LogKeysOfBuild {
  const stage = build.stage || 'local'
  const deployed = stage !== 'local' && stage !== 'test'
  if (deployed && build.platform === 'weapp' && !build.vkey) {
    throw new Error(`The mini-program for stage ${stage} needs the log's verifier key: TARO_APP_LOG_VKEY=$(npm run -s log-key)`)
  }
  const vkey = build.vkey || verifierKeyOf(LOCAL_LOG_ORIGIN, ED25519, LOCAL_LOG_SEED)
  const named = build.witnesses
    ?.split(',')
    .map((key) => key.trim())
    .filter(Boolean)
  const witnesses = named ?? (deployed ? [] : [verifierKeyOf(LOCAL_WITNESS_NAME, COSIGNATURE, LOCAL_WITNESS_SEED)])
  return { vkey, witnesses }
}
