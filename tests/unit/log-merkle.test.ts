import { createHash } from 'node:crypto';
import { fromBase64, fromHex, toHex } from '../../functions/domain/log-encoding';
import {
  consistencyProof,
  emptyRoot,
  inclusionProof,
  leafHash,
  memorySubtrees,
  rootFromInclusion,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
} from '../../functions/domain/log-merkle';

const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());
const hex = (text: string) => fromHex(text) as Uint8Array;
const b64 = (text: string) => fromBase64(text) as Uint8Array;

// The RFC 6962/9162 reference tree: eight leaf inputs and the root of every prefix of them, as
// published with the transparency-dev Merkle test data.
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(hex);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const leafHashes = LEAVES.map((leaf) => leafHash(sha256, leaf));
const tree = memorySubtrees(sha256, leafHashes);

describe('RFC 9162 tree hashing', () => {
  it('gives the reference root for every prefix of the reference leaves, the empty tree included', async () => {
    // Arrange / Act
    const roots = await Promise.all(ROOTS.map((_, size) => treeRoot(sha256, tree, size)));
    // Assert
    expect(roots.map(toHex)).toEqual(ROOTS);
    expect(toHex(emptyRoot(sha256))).toBe(ROOTS[0]);
  });
});

describe('inclusion proofs', () => {
  it('builds the reference proof of leaf 0 in the tree of 8 and of leaf 2 in the tree of 3', async () => {
    // Act
    const of0in8 = await inclusionProof(sha256, tree, 0, 8);
    const of2in3 = await inclusionProof(sha256, tree, 2, 3);
    // Assert
    expect(of0in8).toEqual(
      ['lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=', 'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=', 'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ='].map(b64),
    );
    expect(of2in3).toEqual([b64('+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=')]);
  });

  it('verifies every leaf of every tree size up to 8 and refuses each tampering', async () => {
    for (let size = 1; size <= 8; size++) {
      for (let index = 0; index < size; index++) {
        // Arrange
        const proof = await inclusionProof(sha256, tree, index, size);
        const root = hex(ROOTS[size]);
        // Act / Assert
        expect(verifyInclusion(sha256, index, size, leafHashes[index], proof, root)).toBe(true);
        expect(verifyInclusion(sha256, index, size, leafHashes[(index + 1) % 8], proof, root)).toBe(false);
        expect(verifyInclusion(sha256, index + 1, size, leafHashes[index], proof, root)).toBe(false);
        expect(verifyInclusion(sha256, index, size * 2, leafHashes[index], proof, root)).toBe(false);
        expect(verifyInclusion(sha256, index, size, leafHashes[index], [...proof, root], root)).toBe(false);
        if (proof.length > 0) {
          const flipped = proof.map((hash, at) => (at === 0 ? Uint8Array.from(hash, (byte, i) => (i === 0 ? byte ^ 1 : byte)) : hash));
          expect(verifyInclusion(sha256, index, size, leafHashes[index], flipped, root)).toBe(false);
          expect(verifyInclusion(sha256, index, size, leafHashes[index], proof.slice(1), root)).toBe(false);
        }
      }
    }
  });

  it('leads nowhere for an index outside the tree', () => {
    expect(rootFromInclusion(sha256, 3, 3, leafHashes[3], [])).toBeUndefined();
  });
});

describe('consistency proofs', () => {
  it('builds the reference proofs from 1 to 8 and from 2 to 5', async () => {
    // Act
    const from1 = await consistencyProof(sha256, tree, 1, 8);
    const from2 = await consistencyProof(sha256, tree, 2, 5);
    // Assert
    expect(from1).toEqual(
      ['lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=', 'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=', 'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ='].map(b64),
    );
    expect(from2).toEqual(['Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=', 'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms='].map(b64));
  });

  it('verifies every pair of sizes up to 8 and refuses swapped roots, a flipped bit and a dropped hash', async () => {
    for (let newSize = 1; newSize <= 8; newSize++) {
      for (let oldSize = 1; oldSize <= newSize; oldSize++) {
        // Arrange
        const proof = await consistencyProof(sha256, tree, oldSize, newSize);
        const [oldRoot, newRoot] = [hex(ROOTS[oldSize]), hex(ROOTS[newSize])];
        // Act / Assert
        expect(verifyConsistency(sha256, oldSize, newSize, oldRoot, newRoot, proof)).toBe(true);
        if (oldSize === newSize) continue;
        expect(verifyConsistency(sha256, oldSize, newSize, newRoot, oldRoot, proof)).toBe(false);
        expect(verifyConsistency(sha256, oldSize, newSize, oldRoot, newRoot, proof.slice(1))).toBe(false);
        const flipped = proof.map((hash, at) => (at === proof.length - 1 ? Uint8Array.from(hash, (byte, i) => (i === 31 ? byte ^ 1 : byte)) : hash));
        expect(verifyConsistency(sha256, oldSize, newSize, oldRoot, newRoot, flipped)).toBe(false);
      }
    }
  });

  it('holds an empty old tree consistent with anything, with an empty proof only', () => {
    expect(verifyConsistency(sha256, 0, 5, hex(ROOTS[0]), hex(ROOTS[5]), [])).toBe(true);
    expect(verifyConsistency(sha256, 0, 5, hex(ROOTS[0]), hex(ROOTS[5]), [leafHashes[0]])).toBe(false);
    expect(verifyConsistency(sha256, 6, 5, hex(ROOTS[6]), hex(ROOTS[5]), [])).toBe(false);
  });
});
