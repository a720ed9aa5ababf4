import { ed25519 } from '@noble/curves/ed25519'
import { hmac } from '@noble/hashes/hmac'
import { sha256 } from '@noble/hashes/sha256'
import type { LogReceiptLogged } from '../../functions/contract/log'
import { bytesEqual, fromBase64, fromUtf8, type Sha256 } from '../../functions/domain/log-encoding'
import { commitment, parseEntry, type HmacSha256 } from '../../functions/domain/log-entries'
import { leafHash, rootFromInclusion } from '../../functions/domain/log-merkle'
import { parseVerifierKey, verifyCheckpoint, type Checkpoint, type Ed25519Verify } from '../../functions/domain/log-note'
import type { GiftShown } from './public-log'

/**
 * Checks a receipt ON THE PHONE, trusting nothing the server says: the entry's leaf hash and the
 * proof must lead to the root the checkpoint signs, the checkpoint must carry the log's signature
 * under the key built into the app, the entry must be this very gift, and its donor commitment must
 * be HMAC-SHA256(salt, ref). @noble/* rather than crypto.subtle: WeChat's engine has no subtle.
 */

export interface LogCrypto {
  sha256: Sha256
  hmac: HmacSha256
  verify: Ed25519Verify
}

export const nobleCrypto: LogCrypto = {
  sha256: (data) => sha256(data),
  hmac: (key, message) => hmac(sha256, key, message),
  verify: (publicKey, message, signature) => {
    try {
      // zip215 off: the strict RFC 8032 rules the server's node:crypto applies too.
      return ed25519.verify(signature, message, publicKey, { zip215: false })
    } catch {
      return false
    }
  },
}

/** The keys built into this build (config/log-keys.ts): the log's, and the witnesses' whose cosignatures count. */
export interface LogTrust {
  vkey: string
  witnesses: string[]
}

export function builtInTrust(): LogTrust {
  const witnesses = process.env.TARO_APP_LOG_WITNESSES || ''
  return { vkey: process.env.TARO_APP_LOG_VKEY || '', witnesses: witnesses.split(',').filter(Boolean) }
}

export type ReceiptFailure = 'signature' | 'proof' | 'entry' | 'commitment'

export const FAILURE_TEXT: Record<ReceiptFailure, string> = {
  signature: '签名不对',
  proof: '证明与账本根不符',
  entry: '记录与这笔捐赠不符',
  commitment: '承诺不符',
}

export type ReceiptCheck = { ok: true; index: number; size: number; cosigners: number } | { ok: false; failure: ReceiptFailure; message: string }

const failed = (failure: ReceiptFailure): ReceiptCheck => ({ ok: false, failure, message: FAILURE_TEXT[failure] })

export type CheckpointCheck = { ok: true; checkpoint: Checkpoint; cosigners: number } | { ok: false }

/** The checkpoint note's own check: the log's signature (and the known witnesses' cosignatures). */
export function checkCheckpoint(note: string, trust: LogTrust = builtInTrust(), crypto: LogCrypto = nobleCrypto): CheckpointCheck {
  const logKey = parseVerifierKey(crypto.sha256, trust.vkey)
  if (!logKey) return { ok: false }
  const witnesses = trust.witnesses.map((vkey) => parseVerifierKey(crypto.sha256, vkey)).filter((key) => key !== undefined)
  const checked = verifyCheckpoint(note, logKey, witnesses, crypto.verify)
  return checked.ok ? { ok: true, checkpoint: checked.checkpoint, cosigners: checked.cosigners.length } : { ok: false }
}

export function verifyReceipt(receipt: LogReceiptLogged, gift: GiftShown, trust: LogTrust = builtInTrust(), crypto: LogCrypto = nobleCrypto): ReceiptCheck {
  const signed = checkCheckpoint(receipt.checkpoint, trust, crypto)
  if (!signed.ok) return failed('signature')
  const { checkpoint } = signed

  const entryBytes = fromBase64(receipt.entry)
  const proof = receipt.proof.map(fromBase64)
  if (!entryBytes || proof.some((hash) => !hash || hash.length !== 32)) return failed('proof')
  const root = rootFromInclusion(crypto.sha256, receipt.index, checkpoint.size, leafHash(crypto.sha256, entryBytes), proof as Uint8Array[])
  if (!root || !bytesEqual(root, checkpoint.root)) return failed('proof')

  const entry = parseEntry(fromUtf8(entryBytes))
  if (entry?.kind !== 'dream_gift') return failed('entry')
  if (entry.ref !== gift.ref || entry.flowers !== gift.flowers || (gift.dream !== undefined && entry.dream !== gift.dream)) return failed('entry')

  const salt = fromBase64(receipt.salt)
  if (!salt || commitment(crypto.hmac, salt, gift.ref) !== entry.donor) return failed('commitment')

  return { ok: true, index: receipt.index, size: checkpoint.size, cosigners: signed.cosigners }
}

/** Local and test builds only: a receipt with one proof hash changed, to show what a failure looks like. */
export function tamperedProof(receipt: LogReceiptLogged): LogReceiptLogged {
  if (process.env.TARO_APP_LOG_TEST_SWITCHES !== '1') return receipt
  const zero = 'A'.repeat(43) + '='
  const [first, ...rest] = receipt.proof
  return { ...receipt, proof: first === undefined ? [zero] : [first === zero ? 'B' + zero.slice(1) : zero, ...rest] }
}
