import { fromBase64, toBase64, type Sha256 } from './log-encoding';
import { emptyRoot } from './log-merkle';
import { parseCheckpointText, parseNote } from './log-note';

/**
 * The spot check's draw (UNICEF HOPE's idea): which signed recipients an admin calls back. It is a
 * pure function of public things, so anyone can redo it from the log's checkpoint and the signed
 * list: rank every recipient id by SHA-256(root ‖ UTF-8 id), take the `size` smallest ranks. Nobody
 * can pick the sample — the charity does not know the root when it signs, and the log cannot steer
 * its root towards one recipient without forging the tree everyone verifies.
 */

/** The seed of a draw: the public log's latest signed checkpoint when the close was processed. */
export interface DrawSeed {
  treeSize: number;
  /** The checkpoint's root hash, standard base64 exactly as its note prints it. */
  rootHash: string;
}

export interface SampleRule {
  /** The share of signed recipients called back (0.05: one in twenty). */
  sampleSize: number;
  /** At least this many, when that many signed. */
  sampleMin: number;
}

/**
 * How many are called back: the larger of the minimum and the share (rounded up), never more than
 * signed. The share is rounded with a hair of tolerance so 0.05 × 60 is 3, not 4 (binary floats).
 */
export function sampleSizeFor(signed: number, rule: SampleRule): number {
  const share = Math.ceil(rule.sampleSize * signed - 1e-9);
  return Math.min(signed, Math.max(rule.sampleMin, share));
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/**
 * The draw: `size` of these ids, smallest rank first, where rank = SHA-256(root ‖ UTF-8 id).
 * The ids must be sorted ascending and unique (the published list a verifier rebuilds); the
 * answer does not depend on their order, but asking for it keeps every redo byte-for-byte alike.
 */
export function drawSample(sha256: Sha256, seedRoot: Uint8Array, signedRecipientIdsSortedAscending: readonly string[], size: number): string[] {
  const ids = signedRecipientIdsSortedAscending;
  for (let i = 1; i < ids.length; i++) {
    if (!(ids[i - 1] < ids[i])) throw new Error('drawSample: recipient ids must be sorted ascending and unique');
  }
  const ranked = ids.map((id) => {
    const idBytes = utf8(id);
    const message = new Uint8Array(seedRoot.length + idBytes.length);
    message.set(seedRoot, 0);
    message.set(idBytes, seedRoot.length);
    return { id, rank: sha256(message) };
  });
  ranked.sort((a, b) => compareBytes(a.rank, b.rank) || (a.id < b.id ? -1 : 1));
  return ranked.slice(0, Math.max(0, Math.min(size, ranked.length))).map((entry) => entry.id);
}

/**
 * The seed from the served checkpoint note (its size and root), or the empty tree's when nothing
 * is published yet: the same seed a verifier reads from GET /log/checkpoint at that moment.
 */
export function seedOf(sha256: Sha256, note: string | null): DrawSeed {
  if (!note) return { treeSize: 0, rootHash: toBase64(emptyRoot(sha256)) };
  const text = parseNote(note)?.text;
  const checkpoint = text ? parseCheckpointText(text) : undefined;
  if (!checkpoint) throw new Error('spot check: the served checkpoint note does not parse');
  // The log's own encoder: the seed reads exactly like the checkpoint's third line.
  return { treeSize: checkpoint.size, rootHash: toBase64(checkpoint.root) };
}

/** The root's bytes, for the draw. */
export function rootBytes(seed: DrawSeed): Uint8Array {
  const bytes = fromBase64(seed.rootHash);
  if (!bytes || bytes.length !== 32) throw new Error('spot check: the seed root is not a 32-byte base64 hash');
  return bytes;
}
