import { createHmac, randomBytes } from 'node:crypto';
import { codeFromRandomBytes, hasValidCheck, normaliseCode } from '../contract/signoff-code';
import { commitment, SALT_BYTES } from './log-entries';

/**
 * What the server keeps of a sign-off code: HMAC-SHA256 keyed with a pepper from configuration,
 * never the code. A code has about 49 random bits, few enough that a plain hash could be reversed
 * by trying every code; without the pepper (kept apart from the table) a copy of the table does
 * not give the codes back, and with it a code still only proves itself, one guess at a time.
 */
export function hashCode(pepper: string, code: string): string {
  return createHmac('sha256', pepper).update(normaliseCode(code)).digest('hex');
}

/** A typed code worth looking up: well formed (length, alphabet, check character) once normalised. */
export function lookupableCode(code: string): boolean {
  return hasValidCheck(normaliseCode(code));
}

/** A fresh code from the system's cryptographic random source, grouped for reading aloud. */
export function newCode(random: (bytes: number) => Uint8Array = randomBytes): string {
  // 10 symbols need 10 unbiased bytes; 32 leave room for the few (8 in 256) that are skipped.
  for (;;) {
    const code = codeFromRandomBytes(random(32));
    if (code) return code;
  }
}

/**
 * The public log's `recipient` of a sign-off: HMAC-SHA256 of the sign-off's id keyed with 32
 * random bytes made for this entry alone. The salt is not a person's (a recipient has no account):
 * it stays with the sign-off's private record, so the charity can later show one recipient their
 * own entry without linking any other, and no name or code ever reaches the log.
 */
export function recipientCommitment(signoffId: string, random: (bytes: number) => Uint8Array = randomBytes): { salt: string; commitment: string } {
  const salt = random(SALT_BYTES);
  const hmac = (key: Uint8Array, message: Uint8Array) => new Uint8Array(createHmac('sha256', key).update(message).digest());
  return { salt: Buffer.from(salt).toString('hex'), commitment: commitment(hmac, salt, signoffId) };
}
