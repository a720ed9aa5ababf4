import { createHash } from 'node:crypto';
import { utf8 } from '../../functions/domain/log-encoding';
import { EMPTY_RANGE, appendLeaves, isCompactRange, rangeRoot } from '../../functions/domain/log-compact';
import { leafHash, memorySubtrees, treeRoot } from '../../functions/domain/log-merkle';

const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());

describe('the right edge a sequencer keeps', () => {
  const leaves = Array.from({ length: 600 }, (_, at) => leafHash(sha256, utf8(`entry ${at}`)));
  const tree = memorySubtrees(sha256, leaves);

  it('gives the same root as the whole tree after every append, one leaf at a time', async () => {
    let range = EMPTY_RANGE;
    for (let size = 0; size <= 300; size++) {
      // Assert
      expect(rangeRoot(sha256, range)).toEqual(await treeRoot(sha256, tree, size));
      expect(isCompactRange(range)).toBe(true);
      // Act
      range = appendLeaves(sha256, range, [leaves[size]]);
    }
  });

  it('does not care how the leaves were batched', async () => {
    // Arrange
    const batches = [1, 7, 0, 120, 256, 216];
    // Act
    let range = EMPTY_RANGE;
    let at = 0;
    for (const count of batches) {
      range = appendLeaves(sha256, range, leaves.slice(at, at + count));
      at += count;
    }
    // Assert
    expect(range.size).toBe(600);
    expect(range.hashes).toHaveLength(4); // 600 = 512 + 64 + 16 + 8
    expect(rangeRoot(sha256, range)).toEqual(await treeRoot(sha256, tree, 600));
  });
});
