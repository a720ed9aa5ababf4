import { bytesEqual, toBase64, type Sha256 } from '../../../functions/domain/log-encoding';
import { leafHash, memorySubtrees, rangeHash, treeRoot, type Hash } from '../../../functions/domain/log-merkle';
import { TILE_WIDTH, decodeBundle, decodeTile, tilePath, tileSubtrees, tilesOfTree, type TileRef } from '../../../functions/domain/log-tiles';
import type { LogSource } from './log-source';

export interface TreeCheck {
  /** Every entry's bytes, in order (as far as the bundles could be read). */
  entries: Uint8Array[];
  /** The root the tiles give, or null when the tiles could not give one. */
  root: Hash | null;
  findings: string[];
}

/**
 * Re-reads every tile and bundle a tree of `size` has and checks that they agree with each
 * other: each bundle's entries hash to its level-0 tile, each higher tile's hashes are the roots
 * of the full tiles below it, and the root the tiles give is the checkpoint's.
 */
export async function checkTree(sha256: Sha256, source: LogSource, size: number, checkpointRoot: Hash): Promise<TreeCheck> {
  const findings: string[] = [];
  const hashTiles = new Map<string, Hash[]>();
  const entries: Uint8Array[] = [];
  const refs = tilesOfTree(size);
  // Bundles first, then level by level upwards, so each tile is checked against what is below it.
  const ordered = [...refs].sort((a, b) => order(a) - order(b));
  for (const ref of ordered) {
    const path = tilePath(ref);
    const bytes = await source.tile(path);
    if (!bytes) {
      findings.push(`${path}: not served although checkpoint size ${size} needs it`);
      continue;
    }
    if (ref.level === 'entries') {
      const bundle = decodeBundle(bytes);
      if (!bundle || bundle.length !== ref.width) findings.push(`${path}: bundle does not hold ${ref.width} entries`);
      else entries.push(...bundle);
      continue;
    }
    const hashes = decodeTile(bytes);
    if (!hashes || hashes.length !== ref.width) {
      findings.push(`${path}: tile does not hold ${ref.width} hashes`);
      continue;
    }
    hashTiles.set(path, hashes);
    const expected = await expectedHashes(sha256, ref, entries, hashTiles);
    if (!expected) continue;
    const wrong = expected.findIndex((hash, at) => !bytesEqual(hash, hashes[at]));
    if (wrong >= 0) findings.push(`${path}: hash ${wrong} is not what ${ref.level === 0 ? 'its bundle' : 'the tiles below'} give`);
  }
  let root: Hash | null = null;
  try {
    const readTile = async (ref: TileRef) => hashTiles.get(tilePath(ref)) ?? [];
    root = await treeRoot(sha256, tileSubtrees(sha256, readTile, size), size);
    if (!bytesEqual(root, checkpointRoot)) {
      findings.push(`root: the tiles give ${toBase64(root)}, the checkpoint signs ${toBase64(checkpointRoot)}`);
    }
  } catch (error) {
    findings.push(`root: the tiles give no root (${(error as Error).message})`);
  }
  return { entries, root, findings };
}

const order = (ref: TileRef) => (ref.level === 'entries' ? -1 : ref.level);

/** What a tile's hashes must be, from the entries (level 0) or the full tiles one level down. */
async function expectedHashes(sha256: Sha256, ref: TileRef, entries: Uint8Array[], tiles: Map<string, Hash[]>): Promise<Hash[] | null> {
  if (ref.level === 'entries') return null;
  if (ref.level === 0) {
    const from = ref.index * TILE_WIDTH;
    if (entries.length < from + ref.width) return null;
    return entries.slice(from, from + ref.width).map((entry) => leafHash(sha256, entry));
  }
  const out: Hash[] = [];
  for (let at = 0; at < ref.width; at++) {
    const below = tiles.get(tilePath({ level: ref.level - 1, index: ref.index * TILE_WIDTH + at, width: TILE_WIDTH }));
    if (!below) return null;
    out.push(await rangeHash(sha256, memorySubtrees(sha256, below), 0, TILE_WIDTH));
  }
  return out;
}
