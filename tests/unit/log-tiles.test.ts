import { createHash } from 'node:crypto';
import { utf8 } from '../../functions/domain/log-encoding';
import { inclusionProof, leafHash, memorySubtrees, rangeHash, treeRoot } from '../../functions/domain/log-merkle';
import {
  decodeBundle,
  decodeTile,
  encodeBundle,
  encodeTile,
  parseTilePath,
  tileIndexPath,
  tilePath,
  tileSubtrees,
  tilesAdded,
  tilesOfTree,
  type TileRef,
} from '../../functions/domain/log-tiles';

const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());

describe('tile paths', () => {
  it('spells indexes in 3-digit groups with an x before all but the last', () => {
    expect(tileIndexPath(1234067)).toBe('x001/x234/067');
    expect(tileIndexPath(0)).toBe('000');
    expect(tilePath({ level: 0, index: 1234067, width: 256 })).toBe('tile/0/x001/x234/067');
    expect(tilePath({ level: 'entries', index: 5, width: 17 })).toBe('tile/entries/005.p/17');
  });

  it('reads back only what it would write', () => {
    expect(parseTilePath('tile/2/x001/234.p/9')).toEqual({ level: 2, index: 1234, width: 9 });
    expect(parseTilePath('tile/entries/000')).toEqual({ level: 'entries', index: 0, width: 256 });
    for (const bad of [
      'tile/0/1234',
      'tile/0/x000/001',
      'tile/00/001',
      'tile/0/001.p/256',
      'tile/0/001.p/0',
      'tile/64/001',
      'tile/0/001.p/09',
      'tile/../001',
    ]) {
      expect(parseTilePath(bad)).toBeUndefined();
    }
  });
});

describe('which tiles a tree has', () => {
  it('matches the tlog-tiles example of a tree of 70,000', () => {
    // Act
    const tiles = tilesOfTree(70_000).filter((tile) => tile.level !== 'entries');
    // Assert
    const level0 = tiles.filter((tile) => tile.level === 0);
    expect(level0.filter((tile) => tile.width === 256)).toHaveLength(273);
    expect(level0.filter((tile) => tile.width < 256)).toEqual([{ level: 0, index: 273, width: 112 }]);
    expect(tiles.filter((tile) => tile.level === 1)).toEqual([
      { level: 1, index: 0, width: 256 },
      { level: 1, index: 1, width: 17 },
    ]);
    expect(tiles.filter((tile) => tile.level === 2)).toEqual([{ level: 2, index: 0, width: 1 }]);
  });

  it('lists, when the tree grows, just the tiles the bigger tree has that the smaller had not', () => {
    // Arrange
    const key = (tile: TileRef) => tilePath(tile);
    for (const [from, to] of [
      [0, 1],
      [255, 256],
      [256, 300],
      [1000, 70_000],
      [65_536, 65_537],
    ]) {
      // Act
      const added = tilesAdded(from, to).map(key);
      // Assert
      const before = new Set(tilesOfTree(from).map(key));
      expect(added.sort()).toEqual(
        tilesOfTree(to)
          .map(key)
          .filter((path) => !before.has(path))
          .sort(),
      );
    }
  });
});

describe('tile and bundle bytes', () => {
  it('round-trips entries with their 2-byte lengths and refuses a cut bundle', () => {
    const entries = [utf8('{"a":1}'), new Uint8Array(0), utf8('小红花')];
    const bytes = encodeBundle(entries);
    expect(bytes[0]).toBe(0);
    expect(bytes[1]).toBe(7);
    expect(decodeBundle(bytes)).toEqual(entries);
    expect(decodeBundle(bytes.subarray(0, bytes.length - 1))).toBeUndefined();
  });

  it('refuses tiles that are not whole hashes', () => {
    expect(decodeTile(new Uint8Array(33))).toBeUndefined();
    expect(decodeTile(new Uint8Array(0))).toBeUndefined();
    expect(decodeTile(new Uint8Array(64))).toHaveLength(2);
  });
});

describe('proofs read out of tiles', () => {
  it('gives the same roots and proofs as the whole tree in memory, across tile levels', async () => {
    // Arrange: a tree past one level-1 tile, and its tiles built from the hashes in memory
    const size = 65_536 + 300;
    const leaves = Array.from({ length: size }, (_, at) => leafHash(sha256, utf8(`entry ${at}`)));
    const memory = memorySubtrees(sha256, leaves);
    const stored = new Map<string, Uint8Array>();
    for (const tile of tilesOfTree(size)) {
      if (tile.level === 'entries') continue;
      const span = 256 ** tile.level;
      const hashes = [];
      for (let i = 0; i < tile.width; i++) {
        const start = (tile.index * 256 + i) * span;
        hashes.push(await rangeHash(sha256, memory, start, start + span));
      }
      stored.set(tilePath(tile), encodeTile(hashes));
    }
    const reads: string[] = [];
    const fromTiles = tileSubtrees(
      sha256,
      async (tile) => {
        reads.push(tilePath(tile));
        return decodeTile(stored.get(tilePath(tile)) as Uint8Array) as Uint8Array[];
      },
      size,
    );
    // Act
    const root = await treeRoot(sha256, fromTiles, size);
    const proofs = await Promise.all([0, 255, 256, 65_535, 65_600, size - 1].map((index) => inclusionProof(sha256, fromTiles, index, size)));
    // Assert
    expect(root).toEqual(await treeRoot(sha256, memory, size));
    for (const [at, index] of [0, 255, 256, 65_535, 65_600, size - 1].entries()) {
      expect(proofs[at]).toEqual(await inclusionProof(sha256, memory, index, size));
    }
    expect(new Set(reads).size).toBeLessThan(12);
  });
});
