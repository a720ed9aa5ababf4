import { createHash } from 'node:crypto';
import { toBase64 } from '../../functions/domain/log-encoding';
import { emptyRoot } from '../../functions/domain/log-merkle';
import { signCheckpoint, type NoteKey } from '../../functions/domain/log-note';
import { drawSample, rootBytes, sampleSizeFor, seedOf } from '../../functions/domain/spot-check-draw';

const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());
const rootOf = (label: string) => sha256(new TextEncoder().encode(label));
const ids = (n: number) => Array.from({ length: n }, (_, i) => `R${String(i).padStart(5, '0')}`);
const rule = { sampleSize: 0.05, sampleMin: 3 };

describe('spot check sample size', () => {
  it.each([
    [0, 0],
    [2, 2],
    [3, 3],
    [20, 3],
    [60, 3],
    [61, 4],
    [200, 10],
    [5000, 250],
  ])('%i signed → %i called back', (signed, expected) => {
    // Arrange / Act
    const size = sampleSizeFor(signed, rule);

    // Assert
    expect(size).toBe(expected);
  });

  it('rounds a share that is whole up to itself, not one more (0.07 × 100 is 7.000000000000001 in binary)', () => {
    // Act
    const size = sampleSizeFor(100, { sampleSize: 0.07, sampleMin: 3 });

    // Assert
    expect(size).toBe(7);
  });
});

describe('drawSample', () => {
  it('is the smallest SHA-256(root ‖ id) ranks, the same every time from the same seed', () => {
    // Arrange
    const root = rootOf('checkpoint A');
    const list = ids(40);
    const byHand = [...list].sort((a, b) =>
      Buffer.compare(Buffer.from(sha256(Buffer.concat([root, Buffer.from(a)]))), Buffer.from(sha256(Buffer.concat([root, Buffer.from(b)])))),
    );

    // Act
    const first = drawSample(sha256, root, list, 5);
    const again = drawSample(sha256, root, [...list], 5);

    // Assert
    expect(first).toEqual(byHand.slice(0, 5));
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(5);
  });

  it('draws another sample from another root', () => {
    // Arrange
    const list = ids(200);

    // Act
    const a = drawSample(sha256, rootOf('checkpoint A'), list, 10);
    const b = drawSample(sha256, rootOf('checkpoint B'), list, 10);

    // Assert
    expect(b).not.toEqual(a);
  });

  it('never draws more than were signed, and refuses a list that is not sorted ascending', () => {
    // Arrange
    const root = rootOf('x');

    // Act / Assert
    expect(drawSample(sha256, root, ids(2), 3)).toHaveLength(2);
    expect(() => drawSample(sha256, root, ['R2', 'R1'], 1)).toThrow(/sorted ascending/);
  });

  it('picks every recipient about equally often over many seeds (uniform-looking on a fixed vector)', () => {
    // Arrange: 20 recipients, 1 drawn per seed, 4000 seeds → about 200 each.
    const list = ids(20);
    const counts = new Map(list.map((id) => [id, 0]));

    // Act
    for (let s = 0; s < 4000; s++) {
      const [picked] = drawSample(sha256, rootOf(`seed ${s}`), list, 1);
      counts.set(picked, counts.get(picked)! + 1);
    }

    // Assert: a chi-square under 43.8 (p = 0.001, 19 degrees of freedom).
    const chiSquare = [...counts.values()].reduce((sum, n) => sum + (n - 200) ** 2 / 200, 0);
    expect(chiSquare).toBeLessThan(43.8);
    expect(Math.min(...counts.values())).toBeGreaterThan(140);
  });

  it('matches a pinned vector, so a verifier elsewhere can check their implementation', () => {
    // Arrange
    const root = rootOf('pinned');

    // Act
    const sample = drawSample(sha256, root, ids(10), 3);

    // Assert
    expect(sample).toEqual(PINNED);
  });
});

describe('the seed', () => {
  it('is the served checkpoint’s size and root, as its note prints them', () => {
    // Arrange
    const key: NoteKey = { name: 'example.org/log', type: 1, keyId: new Uint8Array(4), publicKey: new Uint8Array(32) } as NoteKey;
    const root = rootOf('tree of 7');
    const note = signCheckpoint(key, () => new Uint8Array(64), { origin: key.name, size: 7, root });

    // Act
    const seed = seedOf(sha256, note);

    // Assert
    expect(seed).toEqual({ treeSize: 7, rootHash: toBase64(root) });
    expect(rootBytes(seed)).toEqual(root);
  });

  it('is the empty tree’s before anything is published', () => {
    // Act
    const seed = seedOf(sha256, null);

    // Assert
    expect(seed).toEqual({ treeSize: 0, rootHash: toBase64(emptyRoot(sha256)) });
  });
});

// Computed independently: sorted(ids, key=sha256(sha256("pinned") + id))[:3] in Python.
const PINNED = ['R00001', 'R00004', 'R00003'];
