import { createHmac } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import canonicalize from 'canonicalize';
import rules from '../../config/rules.json';
import { nodeLogCrypto } from '../../functions/adapters/crypto/log-crypto';
import { fromBase64, fromUtf8 } from '../../functions/domain/log-encoding';
import { leafHash, verifyInclusion } from '../../functions/domain/log-merkle';
import { parseVerifierKey, verifyCheckpoint, type NoteKey } from '../../functions/domain/log-note';
import { TILE_WIDTH, decodeBundle, decodeTile, tileIndexPath } from '../../functions/domain/log-tiles';
import { apiUrl, call, devSignIn } from '../support/http-client';

jest.setTimeout(120_000);

const { sha256, verify } = nodeLogCrypto;
const bytesOf = (base64: string) => fromBase64(base64)!;

async function logKey(): Promise<NoteKey> {
  const answer = await call('GET', '/log/key');
  expect(answer.status).toBe(200);
  return parseVerifierKey(sha256, answer.body.verifierKey)!;
}

/** A fresh open dream and a donor with flowers to give it. */
async function dreamAndDonor(flowers = 50) {
  const admin = await devSignIn(['admin']);
  const proposer = await devSignIn();
  const story = '山里的孩子放学后没有地方读书，我们想为村小建一间有五百本书的图书角，让孩子们有书可读。';
  const created = await call('POST', '/dreams', {
    token: proposer.token,
    body: { title: '给村小建图书角', story, category: 'education', targetFlowers: 5_000 },
  });
  await call('POST', `/dreams/${created.body.dream.id}/review`, { token: admin.token, body: { decision: 'approve' } });
  const donor = await devSignIn();
  await call('POST', '/dev/grants', { token: donor.token, body: { flowers } });
  return { dreamId: created.body.dream.id as string, donor };
}

/**
 * Asks for the receipt until it is logged. The delay itself is a bench figure (npm run bench -- log),
 * never a timed assertion: the deadline here is only how long a loaded test machine may take.
 */
async function loggedReceipt(token: string, ref: string) {
  const deadline = Date.now() + rules.log.maxDelaySeconds * 1000 * 6;
  for (;;) {
    const answer = await call('GET', `/me/log-receipts/${ref}`, { token });
    if (answer.status !== 202 || Date.now() > deadline) return answer;
    await new Promise((done) => setTimeout(done, 250));
  }
}

async function bytesAt(path: string): Promise<{ status: number; bytes: Uint8Array; headers: Headers }> {
  const response = await fetch(`${apiUrl()}${path}`);
  return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()), headers: response.headers };
}

function treeSizeOf(note: string): number {
  return Number(note.split('\n')[1]);
}

/** The path of the tile (after `tile/<L>/`) holding `index` in the tree the latest checkpoint signs. */
async function tileHolding(index: number): Promise<{ suffix: string; width: number; size: number }> {
  const size = treeSizeOf((await call('GET', '/log/checkpoint')).text);
  const tileIndex = Math.floor(index / TILE_WIDTH);
  const width = Math.min(TILE_WIDTH, size - tileIndex * TILE_WIDTH);
  return { suffix: `${tileIndexPath(tileIndex)}${width < TILE_WIDTH ? `.p/${width}` : ''}`, width, size };
}

describe('the public log over HTTP', () => {
  it('serves a checkpoint signed by the key GET /log/key publishes', async () => {
    // Arrange
    const key = await logKey();

    // Act
    const answer = await call('GET', '/log/checkpoint');

    // Assert
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
    const check = verifyCheckpoint(answer.text, key, [], verify);
    expect(check.ok).toBe(true);
    expect(key.name).toBe((await call('GET', '/log/key')).body.origin);
  });

  it('a gift is pending, then logged with a proof, its entry and its salt', async () => {
    // Arrange
    const { dreamId, donor } = await dreamAndDonor();
    const gift = await call('POST', `/dreams/${dreamId}/donations`, { token: donor.token, body: { flowers: 7 } });
    expect(gift.status).toBe(200);
    const ref = gift.body.donation.id as string;

    // Act
    const first = await call('GET', `/me/log-receipts/${ref}`, { token: donor.token });
    const receipt = await loggedReceipt(donor.token, ref);

    // Assert: pending at first (the sequencer batches), then logged.
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ status: 'pending' });
    expect(receipt.status).toBe(200);
    const { index, entry, checkpoint, proof, salt } = receipt.body;
    const check = verifyCheckpoint(checkpoint, await logKey(), [], verify);
    if (!check.ok) throw new Error(`checkpoint refused: ${check.reason}`);
    const entryBytes = bytesOf(entry);
    expect(verifyInclusion(sha256, index, check.checkpoint.size, leafHash(sha256, entryBytes), proof.map(bytesOf), check.checkpoint.root)).toBe(true);
    const parsed = JSON.parse(fromUtf8(entryBytes));
    expect(fromUtf8(entryBytes)).toBe(canonicalize(parsed));
    expect(parsed).toEqual({
      v: 1,
      kind: 'dream_gift',
      ref,
      dream: dreamId,
      flowers: 7,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      donor: createHmac('sha256', bytesOf(salt)).update(ref, 'utf8').digest('hex'),
    });
    expect(bytesOf(salt).length).toBeGreaterThanOrEqual(16);
  });

  it('a receipt is its giver’s alone: another person, or an unknown ref, gets 404', async () => {
    // Arrange
    const { dreamId, donor } = await dreamAndDonor();
    const gift = await call('POST', `/dreams/${dreamId}/donations`, { token: donor.token, body: { flowers: 3 } });
    const someoneElse = await devSignIn();

    // Act
    const theirs = await call('GET', `/me/log-receipts/${gift.body.donation.id}`, { token: someoneElse.token });
    const unknown = await call('GET', '/me/log-receipts/no-such-ref', { token: donor.token });
    const anonymous = await call('GET', `/me/log-receipts/${gift.body.donation.id}`);

    // Assert
    expect(theirs.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(anonymous.status).toBe(401);
  });

  it('serves the tile and the bundle of a logged gift as tlog-tiles lays them out, and nothing past the checkpoint', async () => {
    // Arrange
    const { dreamId, donor } = await dreamAndDonor();
    const gift = await call('POST', `/dreams/${dreamId}/donations`, { token: donor.token, body: { flowers: 4 } });
    const receipt = await loggedReceipt(donor.token, gift.body.donation.id);
    expect(receipt.status).toBe(200);
    const { index } = receipt.body;
    const { suffix, width, size } = await tileHolding(index);

    // Act
    const bundle = await bytesAt(`/log/tile/entries/${suffix}`);
    const tile = await bytesAt(`/log/tile/0/${suffix}`);
    const pastCheckpoint = await call('GET', `/log/tile/0/${tileIndexPath(Math.floor(size / TILE_WIDTH) + 1)}`);
    const badPaths = await Promise.all(
      ['/log/tile/0/1', '/log/tile/entries/000.p/0', '/log/tile/entries/000.p/256', '/log/tile/x/000', '/log/tile/0/x000/001'].map((path) => call('GET', path)),
    );

    // Assert
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('application/octet-stream');
    expect(decodeBundle(bundle.bytes)![index % TILE_WIDTH]).toEqual(bytesOf(receipt.body.entry));
    expect(tile.status).toBe(200);
    expect(decodeTile(tile.bytes)![index % TILE_WIDTH]).toEqual(leafHash(sha256, bytesOf(receipt.body.entry)));
    expect(bundle.headers.get('cache-control')).toBe(width === TILE_WIDTH ? 'public, max-age=31536000, immutable' : 'public, max-age=5');
    expect(pastCheckpoint.status).toBe(404);
    expect(badPaths.map((answer) => `${answer.status} ${answer.body?.error?.code}`)).toEqual(Array(5).fill('404 NOT_FOUND'));
  });

  it('an Idempotency-Key retry and a refused gift add nothing to the tree', async () => {
    // Arrange: one gift logged, its retry, a refused gift, then a second gift as a marker.
    const { dreamId, donor } = await dreamAndDonor(10);
    const headers = { 'idempotency-key': `log-${Date.now()}` };
    const gift = await call('POST', `/dreams/${dreamId}/donations`, { token: donor.token, body: { flowers: 6 }, headers });
    const logged = await loggedReceipt(donor.token, gift.body.donation.id);

    // Act
    const retry = await call('POST', `/dreams/${dreamId}/donations`, { token: donor.token, body: { flowers: 6 }, headers });
    const refused = await call('POST', `/dreams/${dreamId}/donations`, { token: donor.token, body: { flowers: 9 } });
    const marker = await call('POST', `/dreams/${dreamId}/donations`, { token: donor.token, body: { flowers: 4 } });
    const markerReceipt = await loggedReceipt(donor.token, marker.body.donation.id);

    // Assert: the marker is the very next entry after the gift.
    expect(retry.body.donation.id).toBe(gift.body.donation.id);
    expect(refused.status).toBe(409);
    expect(logged.status).toBe(200);
    expect(markerReceipt.status).toBe(200);
    expect(markerReceipt.body.index).toBe(logged.body.index + 1);
    expect((await call('GET', `/me/log-receipts/${gift.body.donation.id}`, { token: donor.token })).body.index).toBe(logged.body.index);
  });

  it('closing the account destroys the salt: the receipt is gone, the entry stays', async () => {
    // Arrange
    const { dreamId, donor } = await dreamAndDonor();
    const gift = await call('POST', `/dreams/${dreamId}/donations`, { token: donor.token, body: { flowers: 5 } });
    const ref = gift.body.donation.id as string;
    const receipt = await loggedReceipt(donor.token, ref);
    expect(receipt.status).toBe(200);
    const exported = await call('GET', '/me/export', { token: donor.token });
    expect(exported.body.logReceipts).toEqual([expect.objectContaining({ ref, index: receipt.body.index, salt: receipt.body.salt })]);

    // Act
    expect((await call('DELETE', '/me', { token: donor.token })).status).toBe(204);

    // Assert
    const again = await call('POST', '/auth/dev', { body: { openid: donor.openid, nickname: '测试用户', roles: [] } });
    expect((await call('GET', `/me/log-receipts/${ref}`, { token: again.body.token })).status).toBe(404);
    const table = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: process.env.LOCAL_DYNAMODB_URL, region: 'ap-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    );
    const TableName = process.env.LRF_TABLE_NAME ?? 'little-red-flower-local';
    // The salt is gone; the item stays as the entry's claim (so a redelivered gift adds nothing), naming only the ref and index.
    const claim = await table.send(new GetCommand({ TableName, Key: { PK: `USER#${donor.user.id}`, SK: `LOGSALT#${ref}` } }));
    expect(claim.Item).toEqual(expect.not.objectContaining({ salt: expect.anything() }));
    expect(claim.Item).toEqual(expect.objectContaining({ ref, index: receipt.body.index }));
    const bundle = await bytesAt(`/log/tile/entries/${(await tileHolding(receipt.body.index)).suffix}`);
    expect(decodeBundle(bundle.bytes)![receipt.body.index % TILE_WIDTH]).toEqual(bytesOf(receipt.body.entry));
    table.destroy();
  });
});
