/**
 * The tiled layout of a Merkle log (C2SP tlog-tiles): hash tiles of height 8 and entry bundles,
 * their paths, which ones a tree size has, and subtree hashes read back out of tiles.
 */
import { concatBytes, type Sha256 } from './log-encoding';
import { nodeHash, type Hash, type SubtreeHashes } from './log-merkle';

export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;
export const HASH_SIZE = 32;

/** A tile of hashes (`level` ≥ 0) or of entries (`level` = 'entries'); width < 256 means partial. */
export interface TileRef {
  level: number | 'entries';
  index: number;
  width: number;
}

/** 1234067 → `x001/x234/067`: every group but the last gets an `x`. */
export function tileIndexPath(index: number): string {
  const groups: string[] = [];
  let rest = index;
  do {
    groups.unshift(String(rest % 1000).padStart(3, '0'));
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  return groups.map((group, at) => (at < groups.length - 1 ? `x${group}` : group)).join('/');
}

/** `tile/<L>/<N>[.p/<W>]` or `tile/entries/<N>[.p/<W>]`. */
export function tilePath(tile: TileRef): string {
  const partial = tile.width < TILE_WIDTH ? `.p/${tile.width}` : '';
  return `tile/${tile.level}/${tileIndexPath(tile.index)}${partial}`;
}

/** Reads a tile path back, refusing any spelling that `tilePath` would not produce. */
export function parseTilePath(path: string): TileRef | undefined {
  const match = /^tile\/(entries|0|[1-9]\d?)\/((?:x\d{3}\/)*\d{3})(?:\.p\/([1-9]\d{0,2}))?$/.exec(path);
  if (!match) return undefined;
  const level: TileRef['level'] = match[1] === 'entries' ? 'entries' : Number(match[1]);
  if (typeof level === 'number' && level > 63) return undefined;
  const index = Number(match[2].replace(/x/g, '').replace(/\//g, ''));
  const width = match[3] === undefined ? TILE_WIDTH : Number(match[3]);
  if ((match[3] !== undefined && width >= TILE_WIDTH) || !Number.isSafeInteger(index)) return undefined;
  const tile: TileRef = { level, index, width };
  return tilePath(tile) === path ? tile : undefined;
}

/** How many hashes a tree of `size` has at tile level `level` (each covering 256^level leaves). */
function hashesAtLevel(size: number, level: number): number {
  return Math.floor(size / TILE_WIDTH ** level);
}

/** Every hash tile and entry bundle of a tree of `size`, each once, at its width for that size. */
export function tilesOfTree(size: number): TileRef[] {
  const out: TileRef[] = [];
  for (let level = 0; hashesAtLevel(size, level) > 0; level++) {
    out.push(...tilesOfLevel(level, 0, hashesAtLevel(size, level)));
  }
  return [...out, ...tilesOfLevel('entries', 0, size)];
}

function tilesOfLevel(level: number | 'entries', fromCount: number, toCount: number): TileRef[] {
  const out: TileRef[] = [];
  const first = Math.floor(fromCount / TILE_WIDTH);
  for (let index = first; index * TILE_WIDTH < toCount; index++) {
    const width = Math.min(TILE_WIDTH, toCount - index * TILE_WIDTH);
    const alreadyThere = Math.min(TILE_WIDTH, Math.max(0, fromCount - index * TILE_WIDTH));
    if (width > alreadyThere) out.push({ level, index, width });
  }
  return out;
}

/** The tiles and bundles that a tree of `newSize` has and one of `oldSize` did not (what growing writes). */
export function tilesAdded(oldSize: number, newSize: number): TileRef[] {
  const out: TileRef[] = [];
  for (let level = 0; hashesAtLevel(newSize, level) > 0; level++) {
    out.push(...tilesOfLevel(level, hashesAtLevel(oldSize, level), hashesAtLevel(newSize, level)));
  }
  return [...out, ...tilesOfLevel('entries', oldSize, newSize)];
}

/** The tile holding the level-`TILE_HEIGHT * L` hash number `hashIndex`, at its width in a tree of `size`. */
export function tileFor(level: number, hashIndex: number, size: number): TileRef {
  const index = Math.floor(hashIndex / TILE_WIDTH);
  const width = Math.min(TILE_WIDTH, hashesAtLevel(size, level) - index * TILE_WIDTH);
  return { level, index, width };
}

export function encodeTile(hashes: Hash[]): Uint8Array {
  return concatBytes(...hashes);
}

export function decodeTile(bytes: Uint8Array): Hash[] | undefined {
  if (bytes.length === 0 || bytes.length % HASH_SIZE !== 0 || bytes.length > HASH_SIZE * TILE_WIDTH) return undefined;
  return Array.from({ length: bytes.length / HASH_SIZE }, (_, at) => bytes.subarray(at * HASH_SIZE, (at + 1) * HASH_SIZE));
}

/** An entry bundle: each entry as a 2-byte big-endian length and its bytes. */
export function encodeBundle(entries: Uint8Array[]): Uint8Array {
  return concatBytes(
    ...entries.flatMap((entry) => {
      if (entry.length > 0xffff) throw new RangeError('an entry is at most 65,535 bytes');
      return [Uint8Array.of(entry.length >> 8, entry.length & 255), entry];
    }),
  );
}

export function decodeBundle(bytes: Uint8Array): Uint8Array[] | undefined {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length;) {
    if (at + 2 > bytes.length) return undefined;
    const length = (bytes[at] << 8) | bytes[at + 1];
    if (at + 2 + length > bytes.length) return undefined;
    out.push(bytes.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return out;
}

/** Reads a tile's hashes (the port a store or an HTTP client fills in). */
export type TileReader = (tile: TileRef) => Promise<Hash[]>;

/**
 * Subtree hashes of a tree of `size` read out of its tiles: a subtree at level h lies inside one
 * tile of level floor(h / 8), as the hash of 2^(h mod 8) consecutive hashes there. Tiles are read
 * once per call of this function (a proof needs a handful).
 */
export function tileSubtrees(sha256: Sha256, readTile: TileReader, size: number): SubtreeHashes {
  const tiles = new Map<string, Promise<Hash[]>>();
  const tileOf = (ref: TileRef) => {
    const key = tilePath(ref);
    let found = tiles.get(key);
    if (!found) {
      found = readTile(ref);
      tiles.set(key, found);
    }
    return found;
  };
  const within = (hashes: Hash[], from: number, count: number): Hash => {
    if (count === 1) return hashes[from];
    const half = count / 2;
    return nodeHash(sha256, within(hashes, from, half), within(hashes, from + half, half));
  };
  return async (level, index) => {
    const tileLevel = Math.floor(level / TILE_HEIGHT);
    const span = 2 ** (level - tileLevel * TILE_HEIGHT);
    const first = index * span;
    const ref = tileFor(tileLevel, first, size);
    const hashes = await tileOf(ref);
    const from = first - ref.index * TILE_WIDTH;
    if (from + span > hashes.length) throw new RangeError(`tile ${tilePath(ref)} is too short`);
    return within(hashes, from, span);
  };
}
