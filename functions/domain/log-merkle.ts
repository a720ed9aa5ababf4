/**
 * RFC 9162 Merkle trees (§2.1): hashing, proofs and their verification. Proofs are built from
 * the hashes of complete subtrees, which a tiled log stores and serves, so the same code runs on
 * the server (reading tiles from storage) and in any verifier (reading tiles over HTTP).
 */
import { bytesEqual, concatBytes, type Sha256 } from './log-encoding';

export type Hash = Uint8Array;

/** The hash of the complete subtree at `level` (2^level leaves) starting at leaf `index << level`. */
export type SubtreeHashes = (level: number, index: number) => Promise<Hash>;

export function leafHash(sha256: Sha256, entry: Uint8Array): Hash {
  return sha256(concatBytes(Uint8Array.of(0), entry));
}

export function nodeHash(sha256: Sha256, left: Hash, right: Hash): Hash {
  return sha256(concatBytes(Uint8Array.of(1), left, right));
}

export function emptyRoot(sha256: Sha256): Hash {
  return sha256(new Uint8Array(0));
}

/** The largest power of two strictly below n (n ≥ 2): where RFC 9162 splits a tree. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  // No bitwise operators: they are 32-bit in JavaScript and a log outgrows that.
  return n > 0 && Number.isInteger(Math.log2(n));
}

/** MTH(D[start:end]) from the stored complete subtrees, splitting where RFC 9162 does. */
export async function rangeHash(sha256: Sha256, read: SubtreeHashes, start: number, end: number): Promise<Hash> {
  const size = end - start;
  if (size <= 0) throw new RangeError('empty range');
  if (isPowerOfTwo(size) && start % size === 0) return read(Math.log2(size), start / size);
  const k = splitPoint(size);
  return nodeHash(sha256, await rangeHash(sha256, read, start, start + k), await rangeHash(sha256, read, start + k, end));
}

/** The root of a tree of `size` leaves (the empty tree's root for 0). */
export async function treeRoot(sha256: Sha256, read: SubtreeHashes, size: number): Promise<Hash> {
  return size === 0 ? emptyRoot(sha256) : rangeHash(sha256, read, 0, size);
}

/** PATH(m, D[start:end]) of RFC 9162 §2.1.3.1, lowest sibling first. */
async function path(sha256: Sha256, read: SubtreeHashes, m: number, start: number, end: number): Promise<Hash[]> {
  if (end - start === 1) return [];
  const k = splitPoint(end - start);
  if (m < k) return [...(await path(sha256, read, m, start, start + k)), await rangeHash(sha256, read, start + k, end)];
  return [...(await path(sha256, read, m - k, start + k, end)), await rangeHash(sha256, read, start, start + k)];
}

export async function inclusionProof(sha256: Sha256, read: SubtreeHashes, index: number, size: number): Promise<Hash[]> {
  if (index < 0 || index >= size) throw new RangeError(`index ${index} is not in a tree of ${size}`);
  return path(sha256, read, index, 0, size);
}

/** SUBPROOF(m, D[start:end], b) of RFC 9162 §2.1.4.1. */
async function subproof(sha256: Sha256, read: SubtreeHashes, m: number, start: number, end: number, whole: boolean): Promise<Hash[]> {
  const n = end - start;
  if (m === n) return whole ? [] : [await rangeHash(sha256, read, start, end)];
  const k = splitPoint(n);
  if (m <= k) return [...(await subproof(sha256, read, m, start, start + k, whole)), await rangeHash(sha256, read, start + k, end)];
  return [...(await subproof(sha256, read, m - k, start + k, end, false)), await rangeHash(sha256, read, start, start + k)];
}

export async function consistencyProof(sha256: Sha256, read: SubtreeHashes, oldSize: number, newSize: number): Promise<Hash[]> {
  if (oldSize < 0 || oldSize > newSize) throw new RangeError(`no proof from ${oldSize} to ${newSize}`);
  if (oldSize === 0 || oldSize === newSize) return [];
  return subproof(sha256, read, oldSize, 0, newSize, true);
}

/** The root that an inclusion proof leads to (RFC 9162 §2.1.3.2), or undefined if the proof cannot fit the tree. */
export function rootFromInclusion(sha256: Sha256, index: number, size: number, leaf: Hash, proof: Hash[]): Hash | undefined {
  if (index < 0 || index >= size) return undefined;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(sha256, p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(sha256, r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : undefined;
}

export function verifyInclusion(sha256: Sha256, index: number, size: number, leaf: Hash, proof: Hash[], root: Hash): boolean {
  const computed = rootFromInclusion(sha256, index, size, leaf, proof);
  return computed !== undefined && bytesEqual(computed, root);
}

/** RFC 9162 §2.1.4.2: does the tree of `newSize` with `newRoot` extend the one of `oldSize` with `oldRoot`? */
export function verifyConsistency(sha256: Sha256, oldSize: number, newSize: number, oldRoot: Hash, newRoot: Hash, proof: Hash[]): boolean {
  if (oldSize < 0 || oldSize > newSize) return false;
  if (oldSize === newSize) return proof.length === 0 && bytesEqual(oldRoot, newRoot);
  if (oldSize === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(sha256, c, fr);
      sr = nodeHash(sha256, c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sha256, sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && bytesEqual(fr, oldRoot) && bytesEqual(sr, newRoot);
}

/** Subtree hashes over leaves held in memory: for tests, verifiers replaying a whole log, and small batches. */
export function memorySubtrees(sha256: Sha256, leaves: Hash[]): SubtreeHashes {
  const cache = new Map<string, Hash>();
  const hash = (level: number, index: number): Hash => {
    if (level === 0) return leaves[index];
    const key = `${level}/${index}`;
    let found = cache.get(key);
    if (!found) {
      found = nodeHash(sha256, hash(level - 1, 2 * index), hash(level - 1, 2 * index + 1));
      cache.set(key, found);
    }
    return found;
  };
  return async (level, index) => hash(level, index);
}
