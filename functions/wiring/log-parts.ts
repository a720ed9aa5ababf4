import { ed25519FromSeed, nodeLogCrypto } from '../adapters/crypto/log-crypto';
import { DynamoLogStore } from '../adapters/dynamodb/log-store';
import { BucketLogTileStore } from '../adapters/s3/log-tile-store';
import { httpWitness } from '../adapters/witness/witness-client';
import { SIGNATURE_ED25519, noteKey, parseVerifierKey } from '../domain/log-note';
import type { LogCrypto, LogReceiptStore, LogSigner, LogStore, LogTileStore, Witness } from '../domain/log-ports';
import { loadLogSettings } from '../shared/config/log';
import { secretProvider } from '../shared/secrets';
import type { Core } from './core';
import { objectStore, perCore } from './parts';

export interface LogParts {
  log: LogStore;
  /** What a receipt reads: the person's salts and the entries. */
  receipts: LogReceiptStore;
  tiles: LogTileStore;
  crypto: LogCrypto;
  /** The signing key, read once (from SSM in a deployed stage). */
  signer: () => Promise<LogSigner>;
  witnesses: Witness[];
  /** Entries per append transaction (DynamoDB takes 100 items: the state, one or two chunks, and one claim per entry). */
  batchSize: number;
}

/** The public log's sequencer and readers: the table, the bucket's `log/` prefix, the key, the witnesses. */
export const logParts = /* @__PURE__ */ perCore((core: Core): LogParts => {
  const settings = loadLogSettings(core.config.env, core.config.isLocalStage);
  const seed = secretProvider(settings.signingKey, settings.signingKeyParam, 'log signing key', core.config.region);
  let signer: Promise<LogSigner> | undefined;
  const store = new DynamoLogStore(core.table);
  return {
    log: store,
    receipts: store,
    tiles: new BucketLogTileStore(objectStore(core)),
    crypto: nodeLogCrypto,
    signer: () => {
      signer ??= seed().then((hex) => {
        const { publicKey, sign } = ed25519FromSeed(Uint8Array.from(Buffer.from(hex.trim(), 'hex')));
        return { key: noteKey(nodeLogCrypto.sha256, settings.origin, SIGNATURE_ED25519, publicKey), sign };
      });
      signer.catch(() => (signer = undefined));
      return signer;
    },
    witnesses: settings.witnesses.map(({ vkey, url }) => {
      const key = parseVerifierKey(nodeLogCrypto.sha256, vkey);
      if (!key) throw new Error(`LOG_WITNESSES: "${vkey}" is not a verifier key`);
      return httpWitness(key, url);
    }),
    batchSize: 90,
  };
});
