import {
  checkCharacter,
  codeFromRandomBytes,
  formatCode,
  isWellFormedCode,
  normaliseCode,
  SIGNOFF_CODE_ALPHABET,
  SIGNOFF_CODE_LENGTH,
  SIGNOFF_CODE_RANDOM_LENGTH,
} from '../../functions/contract/signoff-code';
import { hashCode, newCode, recipientCommitment } from '../../functions/domain/signoff-code-hash';

/** A deterministic stream of bytes, so every code below is the same on every run. */
function seededBytes(seed: number): (count: number) => Uint8Array {
  let state = seed;
  return (count) =>
    Uint8Array.from({ length: count }, () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state >> 16;
    });
}

describe('sign-off codes', () => {
  it('use a 31-symbol alphabet a person can read aloud: no I, L, O, U, no Z', () => {
    expect(SIGNOFF_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(SIGNOFF_CODE_ALPHABET).size).toBe(31);
    for (const letter of 'ILOUZ') expect(SIGNOFF_CODE_ALPHABET).not.toContain(letter);
  });

  it('carry at least 40 random bits', () => {
    expect(SIGNOFF_CODE_RANDOM_LENGTH * Math.log2(SIGNOFF_CODE_ALPHABET.length)).toBeGreaterThanOrEqual(40);
  });

  it('are grouped 4-4-3 for reading aloud and pass their own check', () => {
    // Arrange
    const random = seededBytes(7);
    // Act
    const codes = Array.from({ length: 200 }, () => newCode(random));
    // Assert
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-Y]{4}-[0-9A-Y]{4}-[0-9A-Y]{3}$/);
      expect(isWellFormedCode(code)).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('skip the bytes that would bias a symbol, and say when the bytes ran short', () => {
    // 248 and above are skipped (8 × 31 = 248 keeps each symbol equally likely).
    expect(codeFromRandomBytes(Uint8Array.from([255, 254, 248, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]))).toBe(formatCode('0123456789' + checkCharacter('0123456789')));
    expect(codeFromRandomBytes(Uint8Array.from([0, 1, 2]))).toBeUndefined();
  });

  it('catch every single-character typo and every swap of neighbours', () => {
    // Arrange
    const random = seededBytes(42);
    const codes = Array.from({ length: 20 }, () => normaliseCode(newCode(random)));
    let tried = 0;
    // Act + Assert
    for (const code of codes) {
      for (let at = 0; at < SIGNOFF_CODE_LENGTH; at++) {
        for (const other of SIGNOFF_CODE_ALPHABET) {
          if (other === code[at]) continue;
          tried++;
          expect(isWellFormedCode(code.slice(0, at) + other + code.slice(at + 1))).toBe(false);
        }
        if (at + 1 < SIGNOFF_CODE_LENGTH && code[at] !== code[at + 1]) {
          tried++;
          expect(isWellFormedCode(code.slice(0, at) + code[at + 1] + code[at] + code.slice(at + 2))).toBe(false);
        }
      }
    }
    expect(tried).toBeGreaterThan(6_000);
  });

  it('read typed look-alikes, lower case, spaces and dashes as the code they mean', () => {
    // Arrange
    const code = formatCode('1100AB2345' + checkCharacter('1100AB2345'));
    // Act
    const typed = ` il-o0 ab 23-45${code.slice(-1).toLowerCase()} `;
    // Assert
    expect(normaliseCode(typed)).toBe(normaliseCode(code));
    expect(isWellFormedCode(typed)).toBe(true);
    expect(isWellFormedCode(code.slice(0, -2))).toBe(false);
    expect(isWellFormedCode('')).toBe(false);
  });

  it('are kept only as a keyed hash, equal for every way of typing the same code, different under another pepper', () => {
    const code = newCode(seededBytes(3));
    const pepper = 'a'.repeat(64);
    expect(hashCode(pepper, code)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode(pepper, code.toLowerCase().replace(/-/g, ' '))).toBe(hashCode(pepper, code));
    expect(hashCode('b'.repeat(64), code)).not.toBe(hashCode(pepper, code));
    expect(hashCode(pepper, code)).not.toContain(normaliseCode(code).toLowerCase());
  });

  it('commit to the recipient with a salt of the entry’s own: the same sign-off gives different commitments', () => {
    const first = recipientCommitment('S1');
    const second = recipientCommitment('S1');
    expect(first.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(first.salt).toMatch(/^[0-9a-f]{64}$/);
    expect(first.commitment).not.toBe(second.commitment);
  });
});
