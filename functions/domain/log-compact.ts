/**
 * The right edge of a Merkle tree (a "compact range"): the roots of the complete subtrees that
 * cover leaves [0, size), largest first, one per set bit of size. It is all a sequencer needs to
 * append leaves and compute the new root, so the log's state item stays a few hundred bytes
 * however large the log grows.
 */
import type { Sha256 } from './log-encoding';
import { emptyRoot, nodeHash, type Hash } from './log-merkle';

export interface CompactRange {
  size: number;
  /** Subtree roots, left to right; subtree i covers 2^(bit i from the top of size) leaves. */
  hashes: Hash[];
}

export const EMPTY_RANGE: CompactRange = { size: 0, hashes: [] };

/** Sizes of the complete subtrees of a tree of `size`, largest first (its set bits). */
function subtreeSizes(size: number): number[] {
  const out: number[] = [];
  for (let bit = 2 ** Math.floor(Math.log2(Math.max(size, 1))); bit >= 1; bit /= 2) {
    if (Math.floor(size / bit) % 2 === 1) out.push(bit);
  }
  return out;
}

export function isCompactRange(range: CompactRange): boolean {
  return Number.isSafeInteger(range.size) && range.size >= 0 && subtreeSizes(range.size).length === range.hashes.length;
}

/** The range after appending leaf hashes, merging equal neighbours as a binary counter carries. */
export function appendLeaves(sha256: Sha256, range: CompactRange, leaves: Hash[]): CompactRange {
  const hashes = [...range.hashes];
  const sizes = subtreeSizes(range.size);
  for (const leaf of leaves) {
    hashes.push(leaf);
    sizes.push(1);
    while (sizes.length >= 2 && sizes[sizes.length - 1] === sizes[sizes.length - 2]) {
      const right = hashes.pop() as Hash;
      const left = hashes.pop() as Hash;
      hashes.push(nodeHash(sha256, left, right));
      sizes.splice(-2, 2, sizes[sizes.length - 1] * 2);
    }
  }
  return { size: range.size + leaves.length, hashes };
}

/** The tree's root: the subtree roots folded from the right (RFC 9162 splits at the largest power of two). */
export function rangeRoot(sha256: Sha256, range: CompactRange): Hash {
  if (range.hashes.length === 0) return emptyRoot(sha256);
  let root = range.hashes[range.hashes.length - 1];
  for (let at = range.hashes.length - 2; at >= 0; at--) root = nodeHash(sha256, range.hashes[at], root);
  return root;
}
