import { nodeLogCrypto } from '../../functions/adapters/crypto/log-crypto';
import { formatVerifierKey, signCheckpoint, type NoteSignature } from '../../functions/domain/log-note';
import { entryBytes, commitment } from '../../functions/domain/log-entries';
import { leafHash, memorySubtrees, rangeHash, treeRoot, type Hash } from '../../functions/domain/log-merkle';
import { TILE_WIDTH, encodeBundle, encodeTile, tilePath, tilesOfTree } from '../../functions/domain/log-tiles';
import type { LogSigner, PendingEntry } from '../../functions/domain/log-ports';
import type { LogSource } from '../../scripts/lib/verify-log/log-source';
import { signatureLine } from '../../functions/domain/log-note';
import { memoryTiles, testSigner } from './log-fixtures';

const { sha256, hmac } = nodeLogCrypto;

/** The entries' bytes as the sequencer would write them (each with a fixed salt). */
export function entriesOf(pending: PendingEntry[]): Uint8Array[] {
  return pending.map((entry) => entryBytes(entry.entry(entry.personId ? commitment(hmac, new Uint8Array(32).fill(1), entry.ref) : null)));
}

/** A log served from memory, its tiles and bundles built with the domain functions alone. */
export async function servedLog(entries: Uint8Array[], signer: LogSigner = testSigner(), cosign?: (text: string) => NoteSignature) {
  const tiles = memoryTiles();
  const leaves = entries.map((entry) => leafHash(sha256, entry));
  const subtrees = memorySubtrees(sha256, leaves);
  for (const tile of tilesOfTree(entries.length)) {
    const from = tile.index * TILE_WIDTH;
    if (tile.level === 'entries') {
      await tiles.put(tilePath(tile), encodeBundle(entries.slice(from, from + tile.width)));
      continue;
    }
    const span = TILE_WIDTH ** tile.level;
    const hashes: Hash[] = [];
    for (let at = 0; at < tile.width; at++) hashes.push(await rangeHash(sha256, subtrees, (from + at) * span, (from + at + 1) * span));
    await tiles.put(tilePath(tile), encodeTile(hashes));
  }
  const root = await treeRoot(sha256, subtrees, entries.length);
  let note = signCheckpoint(signer.key, signer.sign, { origin: signer.key.name, size: entries.length, root });
  if (cosign) note += signatureLine(cosign(note.slice(0, note.indexOf('\n\n') + 1)));
  const source: LogSource = {
    key: async () => ({ origin: signer.key.name, verifierKey: formatVerifierKey(signer.key) }),
    checkpoint: async () => note,
    tile: async (path) => tiles.files.get(path) ?? null,
  };
  return {
    tiles,
    root,
    source,
    get note() {
      return note;
    },
    set note(text: string) {
      note = text;
    },
  };
}
