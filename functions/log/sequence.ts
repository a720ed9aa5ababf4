import type { LogCrypto, LogSigner, LogStore, LogTileStore, Witness } from '../domain/log-ports';
import type { TableChange } from '../shared/stream';
import { integrateEntries } from './integrate';
import { publishLog } from './publish';
import { logEntryOf } from './sources';

export interface SequenceDeps {
  log: LogStore;
  tiles: LogTileStore;
  crypto: LogCrypto;
  signer: () => Promise<LogSigner>;
  witnesses: Witness[];
  batchSize: number;
}

/**
 * One stream batch through the log: its entries appended (each once, whatever retries bring),
 * then everything integrated served (tiles, witnesses, checkpoint), also what an earlier run
 * integrated but died before serving. Returns the sizes integrated and served.
 */
export async function sequenceChanges(deps: SequenceDeps, changes: TableChange[]): Promise<{ integrated: number; published: number }> {
  const signer = await deps.signer();
  const pending = changes.map(logEntryOf).filter((entry) => entry !== null);
  const integrated = await integrateEntries({ log: deps.log, crypto: deps.crypto, signer, batchSize: deps.batchSize }, pending);
  const published = await publishLog({ log: deps.log, tiles: deps.tiles, crypto: deps.crypto, witnesses: deps.witnesses, logKey: signer.key });
  return { integrated, published };
}
