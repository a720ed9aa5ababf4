import { EMPTY_RANGE, appendLeaves, rangeRoot } from '../domain/log-compact';
import { SALT_BYTES, commitment, entryBytes } from '../domain/log-entries';
import { leafHash } from '../domain/log-merkle';
import { signCheckpoint } from '../domain/log-note';
import { LogRaceError, type AppendedEntry, type LogCrypto, type LogSigner, type LogState, type LogStore, type PendingEntry } from '../domain/log-ports';

export interface IntegrateDeps {
  log: LogStore;
  crypto: LogCrypto;
  signer: LogSigner;
  /** Entries per transaction: each takes one item (its claim: its salt item, or its ref item when it names nobody) beside the state and its chunks. */
  batchSize: number;
}

/** Races lost in a row on one batch before giving up (the stream then retries the whole batch). */
const MAX_RACES = 30;

/**
 * Appends entries to the log, each once: refs already in it are skipped, so a stream record
 * delivered again (a retry, a restarted consumer) adds nothing. Each batch moves the state from
 * one size to the next in one conditional transaction with its entries; a sequencer that loses
 * that race to another re-reads the state and the refs and goes on, so the tree never forks.
 * Returns the size integrated up to.
 */
export async function integrateEntries(deps: IntegrateDeps, pending: PendingEntry[]): Promise<number> {
  let todo = [...new Map(pending.map((entry) => [entry.ref, entry])).values()];
  let state = await deps.log.state();
  let races = 0;
  // A batch goes straight to its append: each entry's claim is written under the condition that it
  // is new, so an entry already in the log (a record delivered again, another sequencer first)
  // refuses the whole append. Only then are the batch's refs looked up, and the append retried
  // without them: the common case costs no read of the claims.
  let lookUp = false;
  while (todo.length > 0) {
    const batch = todo.slice(0, deps.batchSize);
    const taken = lookUp ? await deps.log.integrated(batch.map((entry) => ({ ref: entry.ref, personId: entry.personId }))) : new Set<string>();
    const fresh = batch.filter((entry) => !taken.has(entry.ref));
    try {
      if (fresh.length > 0) {
        const next = appendBatch(deps, state, fresh);
        await deps.log.append(state, next.state, next.entries);
        state = next.state;
      }
      todo = todo.slice(batch.length);
      races = 0;
      lookUp = false;
    } catch (error) {
      if (!(error instanceof LogRaceError) || ++races > MAX_RACES) throw error;
      lookUp = true;
      // A refusal by a claim alone (not by another sequencer moving the state) is retried at once.
      if (races === 1 && (await deps.log.state())?.latest.size === state?.latest.size) continue;
      // A random pause that grows with each loss: otherwise the winner, which needs no re-read,
      // wins every next round too and the loser starves.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2000, 100 * races)));
      state = await deps.log.state();
    }
  }
  return state?.latest.size ?? 0;
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
