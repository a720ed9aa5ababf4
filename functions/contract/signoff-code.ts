/**
 * A recipient's one-time sign-off code, as a person reads it off a slip and types it on a phone.
 * No zod and no Node here: the app checks a typed code with these same functions before it sends
 * it, so a typo is caught on the phone, offline too.
 *
 * Ten random characters (31¹⁰ ≈ 2⁴⁹·⁵, above the 40 bits asked for) and one check character,
 * grouped 4-4-3 for reading aloud: `K7QM-2XPD-RT9`.
 *
 * The alphabet is Crockford's base 32 without Z (31 symbols): no I, L, O or U to mistake for 1,
 * 0 or V, and 31 being prime is what lets a weighted sum modulo 31 catch every single-character
 * change and every swap of two neighbours (the weights 1..11 are distinct and nonzero mod 31, and
 * two different symbols differ by 1..30, never a multiple of 31).
 */

export const SIGNOFF_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXY';
const MODULUS = SIGNOFF_CODE_ALPHABET.length; // 31, a prime
export const SIGNOFF_CODE_RANDOM_LENGTH = 10;
/** The random characters and the check character, without separators. */
export const SIGNOFF_CODE_LENGTH = SIGNOFF_CODE_RANDOM_LENGTH + 1;
const GROUPS = [4, 4, 3] as const;

/** Characters people type for one that is not in the alphabet (Crockford's reading of I, L and O). */
const LOOKALIKES: Readonly<Record<string, string>> = { I: '1', L: '1', O: '0' };

const valueOf = (symbol: string): number => SIGNOFF_CODE_ALPHABET.indexOf(symbol);

/** The weighted sum (position i weighs i + 1) of the symbols, modulo 31. */
function weightedSum(symbols: string): number {
  let sum = 0;
  for (let i = 0; i < symbols.length; i += 1) sum = (sum + (i + 1) * valueOf(symbols[i])) % MODULUS;
  return sum;
}

/** The modular inverse of the check position's weight (11), found once. */
const CHECK_WEIGHT_INVERSE = (() => {
  for (let candidate = 1; candidate < MODULUS; candidate += 1) if ((candidate * SIGNOFF_CODE_LENGTH) % MODULUS === 1) return candidate;
  throw new Error('the check weight has no inverse');
})();

/** The check character of ten random characters: it makes the weighted sum of all eleven 0 mod 31. */
export function checkCharacter(randomPart: string): string {
  const missing = (MODULUS - weightedSum(randomPart)) % MODULUS;
  return SIGNOFF_CODE_ALPHABET[(missing * CHECK_WEIGHT_INVERSE) % MODULUS];
}

/**
 * A typed or scanned code as the server hashes it: upper case, separators and spaces dropped, look-alike
 * letters read as the digits they stand for. It does not judge the result (isWellFormedCode does).
 */
export function normaliseCode(input: string): string {
  let out = '';
  for (const char of input.toUpperCase()) {
    if (char === '-' || char === ' ' || char === '\u3000') continue;
    out += LOOKALIKES[char] ?? char;
  }
  return out;
}

/** True for eleven alphabet symbols whose check character is right (a normalised code; see normaliseCode). */
export function hasValidCheck(normalised: string): boolean {
  if (normalised.length !== SIGNOFF_CODE_LENGTH) return false;
  for (const symbol of normalised) if (valueOf(symbol) < 0) return false;
  return weightedSum(normalised) === 0;
}

/** What a phone asks before it sends a code: could this be a code at all (length, alphabet, check)? */
export function isWellFormedCode(input: string): boolean {
  return hasValidCheck(normaliseCode(input));
}

/** A code grouped for reading aloud and printing: `K7QM-2XPD-RT9`. */
export function formatCode(normalised: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of GROUPS) {
    parts.push(normalised.slice(at, at + size));
    at += size;
  }
  return parts.join('-');
}

/**
 * A new code from random bytes the caller drew (crypto): one byte per symbol, each byte below
 * 248 (8 × 31) so every symbol is equally likely; returns undefined when the bytes ran short.
 */
export function codeFromRandomBytes(bytes: Uint8Array): string | undefined {
  const unbiasedBelow = Math.floor(256 / MODULUS) * MODULUS;
  let randomPart = '';
  for (const byte of bytes) {
    if (byte >= unbiasedBelow) continue;
    randomPart += SIGNOFF_CODE_ALPHABET[byte % MODULUS];
    if (randomPart.length === SIGNOFF_CODE_RANDOM_LENGTH) return formatCode(randomPart + checkCharacter(randomPart));
  }
  return undefined;
}

/** The limits of a distribution's fields (the contract counts text in code points). */
export const DISTRIBUTION_LIMITS = {
  title: { min: 2, max: 40 },
  item: { min: 1, max: 20 },
  unit: { min: 1, max: 6 },
  recipientName: { min: 1, max: 20 },
  village: { min: 0, max: 40 },
  quantity: { min: 1, max: 1_000 },
  recipients: { min: 1, max: 5_000 },
} as const;
