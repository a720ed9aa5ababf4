import { nodeLogCrypto } from '../../functions/adapters/crypto/log-crypto';
import { NotFoundError } from '../../functions/domain/errors';
import { emptyRoot } from '../../functions/domain/log-merkle';
import { formatVerifierKey, parseVerifierKey, verifyCheckpoint } from '../../functions/domain/log-note';
import type { KeptSalt, LogReceiptStore, LogState } from '../../functions/domain/log-ports';
import { latestCheckpoint, logKeyOf, logReceipt, logTile, sizeImpliedBy, type LogReadDeps } from '../../functions/log/reads';
import { memoryTiles, testSigner } from '../support/log-fixtures';

const { sha256, verify } = nodeLogCrypto;

function publishedAt(size: number, note = `a note of size ${size}`): LogState {
  return { range: { size, hashes: [] }, latest: { size, note }, published: { size, note }, witnessed: {} };
}

function readDeps(state: LogState | null, receipts: Partial<LogReceiptStore> = {}): LogReadDeps & { tiles: ReturnType<typeof memoryTiles> } {
  const signer = testSigner();
  return {
    log: { state: async () => state },
    receipts: { salt: async () => null, entry: async () => null, isOwnGift: async () => false, ...receipts },
    tiles: memoryTiles(),
    crypto: nodeLogCrypto,
    signer: async () => signer,
  };
}

describe('the public log’s reads', () => {
  it('an empty log answers a size-0 checkpoint of the empty root, signed by the published key', async () => {
    // Arrange
    const deps = readDeps(null);

    // Act
    const note = await latestCheckpoint(deps);
    const key = parseVerifierKey(sha256, (await logKeyOf(deps)).verifierKey)!;

    // Assert
    const check = verifyCheckpoint(note, key, [], verify);
    if (!check.ok) throw new Error(check.reason);
    expect(check.checkpoint.size).toBe(0);
    expect(check.checkpoint.root).toEqual(emptyRoot(sha256));
  });

  it('reads back a verifier key whose base64 holds a +', () => {
    // Arrange: the key material decides the base64; find a signer whose key has a +.
    const signer = Array.from({ length: 64 }, (_, seed) => testSigner('test.example/log', seed)).find((s) => formatVerifierKey(s.key).split('+').length > 3)!;

    // Act
    const key = parseVerifierKey(sha256, formatVerifierKey(signer.key));

    // Assert
    expect(key?.publicKey).toEqual(signer.key.publicKey);
  });

  it.each([
    [{ level: 0, index: 0, width: 256 }, 256],
    [{ level: 0, index: 1, width: 44 }, 300],
    [{ level: 1, index: 0, width: 1 }, 256],
    [{ level: 2, index: 0, width: 2 }, 2 * 65_536],
    [{ level: 'entries' as const, index: 3, width: 5 }, 773],
  ])('tile %j exists from tree size %d on', (tile, size) => {
    expect(sizeImpliedBy(tile)).toBe(size);
  });

  it('serves a tile the published size covers and 404s one past it, even when it is written already', async () => {
    // Arrange
    const deps = readDeps(publishedAt(300));
    await deps.tiles.put('tile/0/001.p/44', new Uint8Array(44 * 32));
    await deps.tiles.put('tile/0/001.p/45', new Uint8Array(45 * 32));

    // Act
    const covered = await logTile(deps, '0/001.p/44');
    const past = logTile(deps, '0/001.p/45');
    const malformed = logTile(deps, '0/1');

    // Assert
    expect(covered.full).toBe(false);
    expect(covered.bytes).toHaveLength(44 * 32);
    await expect(past).rejects.toBeInstanceOf(NotFoundError);
    await expect(malformed).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a receipt without a kept salt is pending for the giver’s own gift, and unknown to anyone else', async () => {
    // Arrange
    const deps = readDeps(publishedAt(10), { isOwnGift: async (userId, ref) => userId === 'giver' && ref === 'gift-1' });

    // Act
    const own = await logReceipt(deps, 'giver', 'gift-1');
    const other = logReceipt(deps, 'someone-else', 'gift-1');

    // Assert
    expect(own).toEqual({ status: 'pending' });
    await expect(other).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a receipt whose entry is integrated but not yet published is pending', async () => {
    // Arrange
    const kept: KeptSalt = { ref: 'gift-1', index: 10, salt: new Uint8Array(32) };
    const deps = readDeps(publishedAt(10), { salt: async () => kept, entry: async () => new Uint8Array([123, 125]) });

    // Act
    const receipt = await logReceipt(deps, 'giver', 'gift-1');

    // Assert
    expect(receipt).toEqual({ status: 'pending' });
  });
});
