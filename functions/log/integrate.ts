import { EMPTY_RANGE, appendLeaves, rangeRoot } from '../domain/log-compact';
import { SALT_BYTES, commitment, entryBytes } from '../domain/log-entries';
import { leafHash } from '../domain/log-merkle';
import { signCheckpoint } from '../domain/log-note';
import { LogRaceError, type AppendedEntry, type LogCrypto, type LogSigner, type LogState, type LogStore, type PendingEntry } from '../domain/log-ports';

export interface IntegrateDeps {
  log: LogStore;
  crypto: LogCrypto;
  signer: LogSigner;
  /** Entries per transaction: each takes up to three items (entry, ref claim, salt) beside the state. */
  batchSize: number;
}

const MAX_RACES = 20;

/**
 * Appends entries to the log, each once: refs already in it are skipped, so a stream record
 * delivered again (a retry, a restarted consumer) adds nothing. Each batch moves the state from
 * one size to the next in one conditional transaction with its entries; a sequencer that loses
 * that race to another re-reads the state and the refs and goes on, so the tree never forks.
 * Returns the size integrated up to.
 */
export async function integrateEntries(deps: IntegrateDeps, pending: PendingEntry[]): Promise<number> {
  let todo = [...new Map(pending.map((entry) => [entry.ref, entry])).values()];
  for (let race = 0; ; race++) {
    const taken = todo.length > 0 ? await deps.log.integrated(todo.map((entry) => entry.ref)) : new Set<string>();
    todo = todo.filter((entry) => !taken.has(entry.ref));
    let state = await deps.log.state();
    if (todo.length === 0) return state?.latest.size ?? 0;
    try {
      while (todo.length > 0) {
        const batch = todo.slice(0, deps.batchSize);
        const next = appendBatch(deps, state, batch);
        await deps.log.append(state, next.state, next.entries);
        state = next.state;
        todo = todo.slice(batch.length);
      }
      return state!.latest.size;
    } catch (error) {
      if (!(error instanceof LogRaceError) || race >= MAX_RACES) throw error;
    }
  }
}

function appendBatch(deps: IntegrateDeps, state: LogState | null, batch: PendingEntry[]): { state: LogState; entries: AppendedEntry[] } {
  const { sha256, hmac, random } = deps.crypto;
  const range = state?.range ?? EMPTY_RANGE;
  const entries = batch.map((pending, at): AppendedEntry => {
    // A salt of its own for each entry: showing one receipt links nothing else to its owner.
    const salt = pending.personId ? random(SALT_BYTES) : null;
    const entry = pending.entry(salt ? commitment(hmac, salt, pending.ref) : null);
    return { index: range.size + at, ref: pending.ref, bytes: entryBytes(entry), person: pending.personId && salt ? { id: pending.personId, salt } : null };
  });
  const next = appendLeaves(
    sha256,
    range,
    entries.map((entry) => leafHash(sha256, entry.bytes)),
  );
  const note = signCheckpoint(deps.signer.key, deps.signer.sign, { origin: deps.signer.key.name, size: next.size, root: rangeRoot(sha256, next) });
  const empty = { size: 0, note: '' };
  return {
    state: { range: next, latest: { size: next.size, note }, published: state?.published ?? empty, witnessed: state?.witnessed ?? {} },
    entries,
  };
}
