import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519FromSeed, nodeLogCrypto } from '../../functions/adapters/crypto/log-crypto';
import { DynamoLogStore } from '../../functions/adapters/dynamodb/log-store';
import { httpWitness } from '../../functions/adapters/witness/witness-client';
import { SIGNATURE_COSIGNATURE, noteKey, verifyCheckpoint } from '../../functions/domain/log-note';
import type { WitnessDeps } from '../../functions/domain/log-witness';
import { integrateEntries } from '../../functions/log/integrate';
import { publishLog } from '../../functions/log/publish';
import { startWitnessServer } from '../../scripts/lib/witness-server';
import { memoryTiles, pendingGifts, testSigner } from '../support/log-fixtures';
import { freshContainer } from '../support/test-table';

const { sha256, verify } = nodeLogCrypto;
const signer = testSigner();
const own = ed25519FromSeed(new Uint8Array(32).fill(5));
const deps: WitnessDeps = { sha256, verify, key: noteKey(sha256, 'witness.test', SIGNATURE_COSIGNATURE, own.publicKey), sign: own.sign, logs: [signer.key] };

/** A log on its own table, publishing through the witness at `url`. */
async function logBeside(url: string) {
  const app = await freshContainer();
  const log = new DynamoLogStore(app.table);
  const tiles = memoryTiles();
  return {
    log,
    integrate: (entries: ReturnType<typeof pendingGifts>) => integrateEntries({ log, crypto: nodeLogCrypto, signer, batchSize: 30 }, entries),
    publish: () => publishLog({ log, tiles, crypto: nodeLogCrypto, witnesses: [httpWitness(deps.key, url)], logKey: signer.key }),
  };
}

describe('the local witness server beside the sequencer', () => {
  it('cosigns what the log publishes, then refuses another tree under the same origin and key', async () => {
    // Arrange: a witness with its state in a temporary file, and two logs that share a key
    const stateFile = join(mkdtempSync(join(tmpdir(), 'lrf-witness-')), 'state.json');
    const witness = await startWitnessServer({ deps, stateFile, port: 0, now: () => 1_764_750_000 });
    try {
      const honest = await logBeside(witness.url);
      const rival = await logBeside(witness.url);
      // Act: the honest log publishes twice (the second time with a consistency proof); the rival once
      await honest.integrate(pendingGifts(40));
      await honest.publish();
      await honest.integrate(pendingGifts(300, 'gift', 40));
      await honest.publish();
      await rival.integrate(pendingGifts(400, 'rival'));
      await rival.publish();
      // Assert: the honest note carries a verifying cosignature; the rival's carries none
      const honestNote = (await honest.log.state())!.published.note;
      expect(verifyCheckpoint(honestNote, signer.key, [deps.key], verify)).toMatchObject({
        ok: true,
        checkpoint: { size: 340 },
        cosigners: [{ name: 'witness.test' }],
      });
      const rivalNote = (await rival.log.state())!.published.note;
      expect(verifyCheckpoint(rivalNote, signer.key, [deps.key], verify)).toMatchObject({ ok: true, checkpoint: { size: 400 }, cosigners: [] });
      expect(JSON.parse(readFileSync(stateFile, 'utf8'))[signer.key.name].size).toBe(340);
    } finally {
      await witness.close();
    }
  }, 120_000);
});
