import { DynamoLogStore } from '../../functions/adapters/dynamodb/log-store';
import { nodeLogCrypto } from '../../functions/adapters/crypto/log-crypto';
import { fromUtf8 } from '../../functions/domain/log-encoding';
import { leafHash, memorySubtrees, treeRoot, verifyConsistency } from '../../functions/domain/log-merkle';
import { parseNote, parseCheckpointText, verifyCheckpoint } from '../../functions/domain/log-note';
import { decodeBundle, decodeTile, tilePath, tilesOfTree } from '../../functions/domain/log-tiles';
import { integrateEntries } from '../../functions/log/integrate';
import { publishLog } from '../../functions/log/publish';
import { memoryTiles, pendingGifts, testSigner } from '../support/log-fixtures';
import { startDynamoDbLocal, type RunningDynamoDb } from '../../scripts/lib/dynamodb-local';
import { freePort } from '../../scripts/lib/ports';
import { freshContainer } from '../support/test-table';

const { sha256 } = nodeLogCrypto;
const signer = testSigner();

/*
 * A DynamoDB Local of this file's own: 10,000 entries and their claims and salts would slow every
 * other integration file sharing the tier's instance (it keeps all tables in one database).
 */
let dynamo: RunningDynamoDb;
beforeAll(async () => {
  dynamo = await startDynamoDbLocal({ port: await freePort() });
}, 300_000);
afterAll(() => dynamo?.stop());

async function setUp() {
  const app = await freshContainer({ endpoint: dynamo.endpoint });
  const log = new DynamoLogStore(app.table);
  const tiles = memoryTiles();
  const integrate = (entries: ReturnType<typeof pendingGifts>) => integrateEntries({ log, crypto: nodeLogCrypto, signer, batchSize: 45 }, entries);
  const publish = () => publishLog({ log, tiles, crypto: nodeLogCrypto, witnesses: [], logKey: signer.key });
  return { app, log, tiles, integrate, publish };
}

/** Every entry of the served log, read back from its bundles, and the root its tiles give. */
async function readBack(tiles: ReturnType<typeof memoryTiles>, size: number) {
  const entries: string[] = [];
  for (const tile of tilesOfTree(size).filter((t) => t.level === 'entries')) {
    entries.push(...(decodeBundle(tiles.files.get(tilePath(tile))!) ?? []).map(fromUtf8));
  }
  const leaves = entries.map((entry) => leafHash(sha256, Buffer.from(entry)));
  for (const tile of tilesOfTree(size).filter((t) => t.level === 0)) {
    const stored = decodeTile(tiles.files.get(tilePath(tile))!)!;
    expect(stored).toEqual(leaves.slice(tile.index * 256, tile.index * 256 + tile.width));
  }
  return { entries, root: await treeRoot(sha256, memorySubtrees(sha256, leaves), size) };
}

describe('the public log sequencer on DynamoDB Local', () => {
  it('keeps every checkpoint consistent with every earlier one while two sequencers run at once', async () => {
    // Arrange
    const { log, tiles, integrate, publish } = await setUp();
    const seen: string[] = [];
    const watch = setInterval(() => void log.state().then((state) => state && seen.push(state.latest.note)), 50);
    // Act: two sequencers, disjoint entries, each publishing after every call
    await Promise.all(
      ['a', 'b'].map(async (prefix) => {
        for (let round = 0; round < 5; round++) {
          await integrate(pendingGifts(40, prefix, round * 40));
          await publish();
        }
      }),
    );
    clearInterval(watch);
    await publish();
    // Assert: one tree of 400, and every note seen along the way is a prefix of it
    const state = (await log.state())!;
    expect(state.published.size).toBe(400);
    const { root, entries } = await readBack(tiles, 400);
    const leavesTree = memorySubtrees(
      sha256,
      entries.map((entry) => leafHash(sha256, Buffer.from(entry))),
    );
    for (const note of [...seen, state.latest.note]) {
      const checkpoint = parseCheckpointText(parseNote(note)!.text)!;
      expect(checkpoint.root).toEqual(await treeRoot(sha256, leavesTree, checkpoint.size));
    }
    expect(verifyConsistency(sha256, 400, 400, root, parseCheckpointText(parseNote(state.published.note)!.text)!.root, [])).toBe(true);
  }, 120_000);

  it('adds nothing for a batch delivered again', async () => {
    // Arrange
    const { log, integrate } = await setUp();
    await integrate(pendingGifts(50));
    // Act
    const size = await integrate(pendingGifts(50));
    // Assert
    expect(size).toBe(50);
    expect((await log.state())!.range.size).toBe(50);
  }, 60_000);
});

describe('the sequencer killed with -9', () => {
  it('loses nothing and never forks: a restart serves every entry once, consistent with what was served before', async () => {
    // Arrange: a sequencer process that works through 3,000 gifts, killed mid-way
    const { spawn } = await import('node:child_process');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { folderTiles } = await import('../support/log-fixtures');
    const { app, log } = await setUp();
    const folder = mkdtempSync(join(tmpdir(), 'lrf-log-'));
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../support/log-crash-child.ts')], {
      env: { ...process.env, LOG_TEST_ENDPOINT: app.config.dynamodbEndpoint, LOG_TEST_TABLE: app.config.tableName, LOG_TEST_TILES: folder },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('batch 3') && resolve()));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const before = (await log.state())!;
    // Act: a new sequencer takes over the same work
    const tiles = folderTiles(folder);
    const all = pendingGifts(3000);
    await integrateEntries({ log, crypto: nodeLogCrypto, signer, batchSize: 45 }, all);
    await publishLog({ log, tiles, crypto: nodeLogCrypto, witnesses: [], logKey: signer.key });
    // Assert: 3,000 entries, each once; the checkpoint served before the kill is a prefix of the new one
    const after = (await log.state())!;
    expect(after.published.size).toBe(3000);
    const entries: string[] = [];
    for (const tile of tilesOfTree(3000).filter((t) => t.level === 'entries')) entries.push(...decodeBundle((await tiles.get(tilePath(tile)))!)!.map(fromUtf8));
    expect(new Set(entries.map((entry) => JSON.parse(entry).ref)).size).toBe(3000);
    const tree = memorySubtrees(
      sha256,
      entries.map((entry) => leafHash(sha256, Buffer.from(entry))),
    );
    const earlier = parseCheckpointText(parseNote(before.published.note || before.latest.note)!.text)!;
    expect(earlier.root).toEqual(await treeRoot(sha256, tree, earlier.size));
    expect(verifyCheckpoint(after.published.note, signer.key, [], nodeLogCrypto.verify).ok).toBe(true);
  }, 300_000);
});

describe('the public log sequencer at size', () => {
  it('integrates 10,000 entries once each while two sequencers race over the same entries', async () => {
    // Arrange: two sequencers, each given the same entries (every ref delivered twice), from opposite ends
    const { log, tiles, integrate, publish } = await setUp();
    const all = pendingGifts(10_000);
    const slices = [all.slice(0, 6000), [...all.slice(4000)].reverse()];
    // Act
    await Promise.all(slices.map((slice) => integrate(slice)));
    const served = await publish();
    // Assert: each ref once, the tree the tiles give is the one the checkpoint signs
    expect(served).toBe(10_000);
    const { entries, root } = await readBack(tiles, 10_000);
    const refs = entries.map((entry) => JSON.parse(entry).ref as string);
    expect(new Set(refs).size).toBe(10_000);
    expect(refs.sort()).toEqual(all.map((entry) => entry.ref).sort());
    const state = (await log.state())!;
    const check = verifyCheckpoint(state.published.note, signer.key, [], nodeLogCrypto.verify);
    expect(check).toEqual({ ok: true, checkpoint: { origin: 'test.example/log', size: 10_000, root }, cosigners: [] });
    expect(tiles.rewrites).toEqual([]);
  }, 300_000);
});
