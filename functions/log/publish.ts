import { consistencyProof, leafHash, rangeHash, memorySubtrees, type Hash } from '../domain/log-merkle';
import { verifyCheckpoint, type NoteKey } from '../domain/log-note';
import type { LogCrypto, LogStore, LogTileStore, Witness } from '../domain/log-ports';
import { TILE_WIDTH, decodeTile, encodeBundle, encodeTile, tilePath, tileSubtrees, tilesAdded, type TileRef } from '../domain/log-tiles';

export interface PublishDeps {
  log: LogStore;
  tiles: LogTileStore;
  crypto: LogCrypto;
  witnesses: Witness[];
  /** The log's own key: a witness's answer is checked against the note this log signed. */
  logKey: NoteKey;
}

/**
 * Serves what is integrated: writes the tiles and bundles the new size adds (each path always
 * gets the same bytes, so a sequencer that died half-way, or two at once, write nothing that
 * differs), asks each witness to cosign, then serves the checkpoint. A checkpoint is served only
 * after every tile it needs exists, so a verifier never meets a missing tile. Returns the size served.
 */
export async function publishLog(deps: PublishDeps): Promise<number> {
  const state = await deps.log.state();
  if (!state || state.latest.size <= state.published.size) return state?.published.size ?? 0;
  const { size } = state.latest;
  await writeTiles(deps, state.published.size, size);
  const witnessed = { ...state.witnessed };
  let note = state.latest.note;
  for (const witness of deps.witnesses) {
    const line = await askWitness(deps, witness, witnessed[witness.key.name] ?? 0, size, state.latest.note);
    if (line) {
      note += line.text;
      witnessed[witness.key.name] = size;
    }
  }
  await deps.log.publish({ size, note }, witnessed);
  return size;
}

async function writeTiles(deps: PublishDeps, fromSize: number, toSize: number): Promise<void> {
  const { sha256 } = deps.crypto;
  const bundles = new Map<number, Uint8Array[]>();
  const bundle = async (index: number) => {
    let found = bundles.get(index);
    if (!found) bundles.set(index, (found = await deps.log.bundle(index)));
    return found;
  };
  const written = new Map<string, Hash[]>();
  const fullTile = async (level: number, index: number): Promise<Hash[]> => {
    const path = tilePath({ level, index, width: TILE_WIDTH });
    const known = written.get(path);
    if (known) return known;
    const bytes = await deps.tiles.get(path);
    const hashes = bytes && decodeTile(bytes);
    if (!hashes || hashes.length !== TILE_WIDTH) throw new Error(`tile ${path} is missing below a tile being written`);
    return hashes;
  };
  // Lowest level first: a tile's hashes are the roots of full tiles one level down.
  const added = tilesAdded(fromSize, toSize).sort((a, b) => levelOrder(a) - levelOrder(b));
  for (const tile of added) {
    const path = tilePath(tile);
    if (tile.level === 'entries') {
      await deps.tiles.put(path, encodeBundle((await bundle(tile.index)).slice(0, tile.width)));
      continue;
    }
    let hashes: Hash[];
    if (tile.level === 0) {
      hashes = (await bundle(tile.index)).slice(0, tile.width).map((entry) => leafHash(sha256, entry));
    } else {
      hashes = [];
      for (let at = 0; at < tile.width; at++) {
        const below = await fullTile(tile.level - 1, tile.index * TILE_WIDTH + at);
        hashes.push(await rangeHash(sha256, memorySubtrees(sha256, below), 0, TILE_WIDTH));
      }
    }
    if (hashes.length !== tile.width) throw new Error(`tile ${path}: ${hashes.length} of ${tile.width} hashes are integrated`);
    await deps.tiles.put(path, encodeTile(hashes));
    if (tile.width === TILE_WIDTH) written.set(path, hashes);
  }
}

const levelOrder = (tile: TileRef) => (tile.level === 'entries' ? -1 : tile.level);

/**
 * One witness's cosignature line for the new checkpoint, or null when it gives none (refused,
 * unreachable, or a line that does not verify). A witness that knows a different old size says
 * so (409); the proof is remade from there once.
 */
async function askWitness(deps: PublishDeps, witness: Witness, oldSize: number, size: number, note: string): Promise<{ text: string } | null> {
  const { sha256 } = deps.crypto;
  const readTiles = async (tile: TileRef) => decodeTile((await deps.tiles.get(tilePath(tile))) ?? new Uint8Array(0)) ?? [];
  let from = Math.min(oldSize, size);
  for (let attempt = 0; attempt < 2; attempt++) {
    const proof = await consistencyProof(sha256, tileSubtrees(sha256, readTiles, size), from, size);
    const answer = await witness.addCheckpoint(from, proof, note);
    if (answer.kind === 'conflict' && answer.size <= size && attempt === 0) {
      from = answer.size;
      continue;
    }
    if (answer.kind !== 'cosigned') return null;
    const text = answer.lines.join('');
    // Keep only a cosignature that verifies under the witness's key, on this very checkpoint.
    const check = verifyCheckpoint(note + text, deps.logKey, [witness.key], deps.crypto.verify);
    return check.ok && check.cosigners.some((cosigner) => cosigner.name === witness.key.name) ? { text } : null;
  }
  return null;
}
