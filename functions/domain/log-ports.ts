/**
 * What the public log's sequencer needs from storage, keys and witnesses. The state is one item
 * changed only by a conditional write from one size to the next, so two sequencers running at
 * once cannot both extend the same tree: one wins, the other re-reads and goes on from there.
 */
import type { CompactRange } from './log-compact';
import type { Sha256 } from './log-encoding';
import type { HmacSha256, LogEntry } from './log-entries';
import type { Ed25519Sign, Ed25519Verify, NoteKey } from './log-note';
export { LogRaceError } from './errors';

/** A checkpoint note and the size it signs. */
export interface SignedSize {
  size: number;
  note: string;
}

export interface LogState {
  /** What is integrated: the right edge of the tree and its checkpoint, signed by the log alone. */
  range: CompactRange;
  latest: SignedSize;
  /** What is served: its tiles are all written, and it carries the witnesses' cosignatures. */
  published: SignedSize;
  /** The size each witness last cosigned (what the next consistency proof starts from). */
  witnessed: Record<string, number>;
}

/** One entry the sequencer will append: where it came from and the person it commits to, if any. */
export interface PendingEntry {
  ref: string;
  /** The person whose private records keep the salt (the giver); null for entries naming nobody. */
  personId: string | null;
  /** The entry, given the commitment to its person (null when it names nobody). */
  entry: (commitment: string | null) => LogEntry;
}

/** An appended entry as stored: its index, bytes and, when it names a person, the salt kept for them. */
export interface AppendedEntry {
  index: number;
  ref: string;
  bytes: Uint8Array;
  person: { id: string; salt: Uint8Array } | null;
}

export interface LogStore {
  /** The state, read consistently; the empty log's before the first append. */
  state(): Promise<LogState | null>;
  /** Which of these entries are in the log already (their claim: the salt item of their person, or their ref's). */
  integrated(entries: { ref: string; personId: string | null }[]): Promise<Set<string>>;
  /**
   * Appends entries in one transaction: the state from `from.size` to `to`, each entry at its
   * index, each ref claimed once, each salt kept with its person. Throws LogRaceError when the
   * state is no longer `from` or a ref is taken.
   */
  append(from: LogState | null, to: LogState, entries: AppendedEntry[]): Promise<void>;
  /** The entries of bundle `index` (up to 256), in order, from what is integrated. */
  bundle(index: number): Promise<Uint8Array[]>;
  /** Serves a new published checkpoint unless a larger one is served already. */
  publish(published: SignedSize, witnessed: Record<string, number>): Promise<boolean>;
}

/** Tiles and bundles, immutable once written (the same path always gets the same bytes). */
export interface LogTileStore {
  put(path: string, bytes: Uint8Array): Promise<void>;
  get(path: string): Promise<Uint8Array | null>;
}

export interface LogCrypto {
  sha256: Sha256;
  hmac: HmacSha256;
  random(bytes: number): Uint8Array;
  verify: Ed25519Verify;
}

export interface LogSigner {
  key: NoteKey;
  sign: Ed25519Sign;
}

export type WitnessAnswer =
  { kind: 'cosigned'; lines: string[] } | { kind: 'conflict'; size: number } | { kind: 'refused'; status: number } | { kind: 'unreachable' };

/** A witness as the log knows it (C2SP tlog-witness): where to submit and the key it cosigns with. */
export interface Witness {
  key: NoteKey;
  addCheckpoint(oldSize: number, proof: Uint8Array[], note: string): Promise<WitnessAnswer>;
}

/** The salt kept for one entry in its person's private records, and where the entry sits. */
export interface KeptSalt {
  ref: string;
  index: number;
  salt: Uint8Array;
}

/** What a receipt reads: the person's own salt, the entry's bytes, and whether a ref is theirs yet to log. */
export interface LogReceiptStore {
  /** The salt the person keeps for `ref`; null when they keep none (not theirs, not yet logged, or erased). */
  salt(userId: string, ref: string): Promise<KeptSalt | null>;
  /** The bytes of the entry at `index`, null past what is integrated. */
  entry(index: number): Promise<Uint8Array | null>;
  /** Whether `ref` is a gift of the person's own (a dream gift's ledger entry, or a meal donation of theirs that is paid). */
  isOwnGift(userId: string, ref: string): Promise<boolean>;
}
