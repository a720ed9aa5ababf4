/**
 * A sequencer process for the kill -9 test: integrates and serves the same 3,000 gifts in
 * batches of 100, with tiles in a folder, until it is killed. Run by tsx with the table in its
 * environment (LOG_TEST_ENDPOINT, LOG_TEST_TABLE, LOG_TEST_TILES).
 */
import { createTableContext } from '../../functions/adapters/dynamodb/client';
import { DynamoLogStore } from '../../functions/adapters/dynamodb/log-store';
import { nodeLogCrypto } from '../../functions/adapters/crypto/log-crypto';
import { integrateEntries } from '../../functions/log/integrate';
import { publishLog } from '../../functions/log/publish';
import { folderTiles, pendingGifts, testSigner } from './log-fixtures';

async function main() {
  const table = createTableContext({ tableName: process.env.LOG_TEST_TABLE!, endpoint: process.env.LOG_TEST_ENDPOINT!, region: 'ap-east-1' });
  const log = new DynamoLogStore(table);
  const tiles = folderTiles(process.env.LOG_TEST_TILES!);
  const signer = testSigner();
  const all = pendingGifts(3000);
  for (let at = 0; at < all.length; at += 100) {
    await integrateEntries({ log, crypto: nodeLogCrypto, signer, batchSize: 45 }, all.slice(at, at + 100));
    await publishLog({ log, tiles, crypto: nodeLogCrypto, witnesses: [], logKey: signer.key });
    process.stdout.write(`batch ${at / 100}\n`);
  }
}

void main();
