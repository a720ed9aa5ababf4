/**
 * What the public log records: one canonical JSON entry (RFC 8785) per gift, paid meal donation,
 * meal redemption, published statement and sign-off. People appear only as a commitment: the
 * HMAC of the entry's `ref` keyed with a salt made for that entry alone and kept with the
 * person's private records, so one receipt shown reveals nothing about the person's other entries,
 * and destroying the salts (account closing) makes the entries unlinkable for good.
 */
import canonicalize from 'canonicalize';
import { toHex, utf8 } from './log-encoding';

export const LOG_ENTRY_VERSION = 1;
export const LOG_ENTRY_KINDS = ['dream_gift', 'meal_donation', 'meal_redemption', 'statement', 'signoff'] as const;
export type LogEntryKind = (typeof LOG_ENTRY_KINDS)[number];

/** HMAC-SHA256(key, message), as the caller provides it. */
export type HmacSha256 = (key: Uint8Array, message: Uint8Array) => Uint8Array;

/** Salts are at least 16 random bytes; 32 leaves no doubt. */
export const SALT_BYTES = 32;

export function commitment(hmac: HmacSha256, salt: Uint8Array, ref: string): string {
  return toHex(hmac(salt, utf8(ref)));
}

interface Base {
  at: string;
  ref: string;
  v: typeof LOG_ENTRY_VERSION;
}
export interface DreamGiftEntry extends Base {
  kind: 'dream_gift';
  donor: string;
  dream: string;
  flowers: number;
}
export interface MealDonationEntry extends Base {
  kind: 'meal_donation';
  donor: string;
  store: string;
  meals: number;
  amountFen: number;
}
/** The worker is not named at all: the store and the donation it drew on are what a donor checks. */
export interface MealRedemptionEntry extends Base {
  kind: 'meal_redemption';
  store: string;
  donation: string;
}
/** A published letter's statement: its lines are public already, on the letter itself. */
export interface StatementEntry extends Base {
  kind: 'statement';
  dream: string;
  periodStart: string;
  periodEnd: string;
  openingFen: number;
  closingFen: number;
  lines: { description: string; kind: 'income' | 'spend'; amountFen: number }[];
}
export interface SignoffEntry extends Base {
  kind: 'signoff';
  distribution: string;
  quantity: number;
  recipient: string;
}
export type LogEntry = DreamGiftEntry | MealDonationEntry | MealRedemptionEntry | StatementEntry | SignoffEntry;

/** The entry's bytes as the log stores and hashes them. */
export function entryBytes(entry: LogEntry): Uint8Array {
  const text = canonicalize(entry);
  if (text === undefined) throw new TypeError('an entry must be JSON');
  return utf8(text);
}

/** The entry's person field (the commitment), if its kind names one. */
export function entryCommitment(entry: LogEntry): string | undefined {
  if (entry.kind === 'dream_gift' || entry.kind === 'meal_donation') return entry.donor;
  if (entry.kind === 'signoff') return entry.recipient;
  return undefined;
}

/** Parses an entry read back from the log (the verifier's view); undefined if it is not one of ours. */
export function parseEntry(text: string): LogEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const entry = value as Partial<LogEntry>;
  if (entry.v !== LOG_ENTRY_VERSION || !LOG_ENTRY_KINDS.includes(entry.kind as LogEntryKind)) return undefined;
  if (typeof entry.ref !== 'string' || typeof entry.at !== 'string') return undefined;
  return canonicalize(value) === text ? (value as LogEntry) : undefined;
}
