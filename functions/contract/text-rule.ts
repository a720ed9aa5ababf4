/**
 * The one text rule for every text field of every route: normalize to NFC, trim, then
 * count code points; refuse what can hide or spoof text. No zod here: the schemas (schema-kit.ts)
 * and the app's forms run this same function.
 */

export interface TextRule {
  min: number;
  max: number;
  /** Long texts (a story, a letter) keep their line breaks; everything else is one line. */
  multiline?: boolean;
}

export type TextVerdict = { ok: true; value: string } | { ok: false; problem: string };

// Plain character classes only (no look-behind, no property escapes): the app runs this too, on
// mini-program engines as old as iOS 8's.
// C0 controls (tab and line breaks included), DEL and C1 controls: matching them is the point.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
// The same, but a line break (\n) is allowed: long texts keep their paragraphs.
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
// Bidirectional overrides, embeddings, isolates and marks: they reorder what a reader sees.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// Zero-width and invisible characters that make two names look the same.
const INVISIBLE = /[\u200B\u200C\u2060-\u2064\uFEFF\u00AD\u180E]/;
// A UTF-16 unit of a surrogate pair with no partner.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ZWJ = 0x200d;
const VARIATION_SELECTOR = 0xfe0f;

/** Emoji blocks (symbols, pictographs, skin tones): where a zero-width joiner belongs. */
const isEmoji = (cp: number | undefined) => cp !== undefined && ((cp >= 0x2190 && cp <= 0x2bff) || (cp >= 0x1f000 && cp <= 0x1faff));

/** A zero-width joiner is allowed only between two emoji (👨‍👩‍👧), never elsewhere. */
function hasStrayJoiner(value: string): boolean {
  const cps = Array.from(value, (char) => char.codePointAt(0)!);
  return cps.some((cp, i) => {
    if (cp !== ZWJ) return false;
    const before = cps[i - 1] === VARIATION_SELECTOR ? cps[i - 2] : cps[i - 1];
    return !isEmoji(before) || !isEmoji(cps[i + 1]);
  });
}

/** Length in code points, as the contract counts text (not UTF-16 units). */
export const codePoints = (value: string): number => Array.from(value).length;

const hex = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The text as it is stored, or why it is refused (in the envelope's `details`). */
export function checkText(raw: string, rule: TextRule): TextVerdict {
  if (LONE_SURROGATE.test(raw)) return { ok: false, problem: 'contains a lone surrogate' };
  // Windows line breaks become \n before anything is counted.
  const value = raw.replace(/\r\n?/g, '\n').normalize('NFC').trim();
  for (const [pattern, what] of [
    [rule.multiline ? CONTROL_EXCEPT_NEWLINE : CONTROL, 'a control character'],
    [BIDI, 'a bidirectional control'],
    [INVISIBLE, 'an invisible character'],
  ] as const) {
    const found = pattern.exec(value);
    if (found) return { ok: false, problem: `contains ${what} (${hex(found[0])})` };
  }
  if (hasStrayJoiner(value)) return { ok: false, problem: 'contains a zero-width joiner outside an emoji (U+200D)' };
  const length = codePoints(value);
  if (length < rule.min || length > rule.max) return { ok: false, problem: `length must be ${rule.min}–${rule.max} characters` };
  return { ok: true, value };
}
