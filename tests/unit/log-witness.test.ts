import { ed25519FromSeed, nodeLogCrypto } from '../../functions/adapters/crypto/log-crypto';
import { toBase64, utf8 } from '../../functions/domain/log-encoding';
import { consistencyProof, emptyRoot, leafHash, memorySubtrees, treeRoot } from '../../functions/domain/log-merkle';
import { SIGNATURE_COSIGNATURE, noteKey, signCheckpoint, verifyCheckpoint } from '../../functions/domain/log-note';
import { addCheckpoint, parseAddCheckpoint, type WitnessDeps, type WitnessedTree } from '../../functions/domain/log-witness';
import { testSigner } from '../support/log-fixtures';

const { sha256, verify } = nodeLogCrypto;
const log = testSigner();
const own = ed25519FromSeed(new Uint8Array(32).fill(4));
const deps: WitnessDeps = { sha256, verify, key: noteKey(sha256, 'witness.test', SIGNATURE_COSIGNATURE, own.publicKey), sign: own.sign, logs: [log.key] };
const NOW = 1_764_750_000;

/** A tree of `size` leaves named `<prefix>-<n>`: its subtrees, root and signed checkpoint. */
async function tree(size: number, prefix = 'gift', signer = log) {
  const subtrees = memorySubtrees(
    sha256,
    Array.from({ length: size }, (_, n) => leafHash(sha256, utf8(`${prefix}-${n}`))),
  );
  const root = await treeRoot(sha256, subtrees, size);
  return { subtrees, root, note: signCheckpoint(signer.key, signer.sign, { origin: signer.key.name, size, root }) };
}

async function stored(size: number, prefix = 'gift'): Promise<WitnessedTree> {
  return { size, root: (await tree(size, prefix)).root };
}

describe('the witness rules (tlog-witness add-checkpoint)', () => {
  it('cosigns a first checkpoint from the empty tree, and the cosignature verifies', async () => {
    // Arrange
    const { note, root } = await tree(10);
    // Act
    const answer = addCheckpoint(deps, undefined, { oldSize: 0, proof: [], note }, NOW);
    // Assert
    expect(answer.status).toBe(200);
    if (answer.status !== 200) return;
    expect(answer.tree).toEqual({ size: 10, root });
    expect(verifyCheckpoint(note + answer.body, log.key, [deps.key], verify)).toMatchObject({
      ok: true,
      cosigners: [{ name: 'witness.test', timestamp: NOW }],
    });
  });

  it('cosigns a grown tree with a consistency proof from the tree it cosigned last', async () => {
    // Arrange
    const grown = await tree(300);
    const proof = await consistencyProof(sha256, grown.subtrees, 10, 300);
    // Act
    const answer = addCheckpoint(deps, await stored(10), { oldSize: 10, proof, note: grown.note }, NOW);
    // Assert
    expect(answer).toMatchObject({ status: 200, tree: { size: 300 } });
  });

  it('refuses a forged tree: its consistency proof does not extend the tree cosigned before (422)', async () => {
    // Arrange: the log signs a tree of 300 whose first ten leaves differ from the ones cosigned
    const forged = await tree(300, 'forged');
    const proof = await consistencyProof(sha256, forged.subtrees, 10, 300);
    // Act
    const answer = addCheckpoint(deps, await stored(10), { oldSize: 10, proof, note: forged.note }, NOW);
    // Assert
    expect(answer).toEqual({ status: 422, body: 'consistency proof does not verify\n' });
  });

  it('refuses a checkpoint no configured log key signed (403)', async () => {
    // Arrange: same origin, another key
    const { note } = await tree(10, 'gift', testSigner(log.key.name, 9));
    // Act
    const answer = addCheckpoint(deps, undefined, { oldSize: 0, proof: [], note }, NOW);
    // Assert
    expect(answer.status).toBe(403);
  });

  it('answers a stale old size with the size it knows (409, text/x.tlog.size body)', async () => {
    // Arrange
    const grown = await tree(300);
    const proof = await consistencyProof(sha256, grown.subtrees, 5, 300);
    // Act
    const answer = addCheckpoint(deps, await stored(10), { oldSize: 5, proof, note: grown.note }, NOW);
    // Assert
    expect(answer).toEqual({ status: 409, body: '10\n' });
  });

  it('refuses an unknown origin (404), an old size past the checkpoint (400) and a same-size different root (422)', async () => {
    // Arrange
    const other = await tree(10, 'gift', testSigner('other.example/log'));
    const small = await tree(10);
    const rival = await tree(10, 'rival');
    // Act
    const unknown = addCheckpoint(deps, undefined, { oldSize: 0, proof: [], note: other.note }, NOW);
    const pastSize = addCheckpoint(deps, await stored(10), { oldSize: 20, proof: [], note: small.note }, NOW);
    const sameSize = addCheckpoint(deps, await stored(10), { oldSize: 10, proof: [], note: rival.note }, NOW);
    // Assert
    expect([unknown.status, pastSize.status, sameSize.status]).toEqual([404, 400, 422]);
  });

  it('refuses an empty tree with a root other than the empty one, and a proof from the empty tree (422)', async () => {
    // Arrange
    const emptyButNot = signCheckpoint(log.key, log.sign, { origin: log.key.name, size: 0, root: sha256(utf8('not empty')) });
    const { note } = await tree(10);
    // Act
    const badEmpty = addCheckpoint(deps, undefined, { oldSize: 0, proof: [], note: emptyButNot }, NOW);
    const proofFromNothing = addCheckpoint(deps, undefined, { oldSize: 0, proof: [emptyRoot(sha256)], note }, NOW);
    // Assert
    expect([badEmpty.status, proofFromNothing.status]).toEqual([422, 422]);
  });

  it('reads the request body: old size, proof lines, a blank line, the note', async () => {
    // Arrange
    const { note } = await tree(10);
    const hash = sha256(utf8('x'));
    // Act
    const parsed = parseAddCheckpoint(`old 3\n${toBase64(hash)}\n\n${note}`);
    const malformed = parseAddCheckpoint(`old -1\n\n${note}`);
    // Assert
    expect(parsed).toEqual({ oldSize: 3, proof: [hash], note });
    expect(malformed).toBeUndefined();
  });
});
