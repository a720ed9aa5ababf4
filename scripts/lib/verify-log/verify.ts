import { fromBase64, toBase64, type Sha256 } from '../../../functions/domain/log-encoding';
import { consistencyProof, verifyConsistency, type Hash } from '../../../functions/domain/log-merkle';
import { parseVerifierKey, verifyCheckpoint, type Checkpoint, type Ed25519Verify } from '../../../functions/domain/log-note';
import { decodeTile, tilePath, tileSubtrees, type TileRef } from '../../../functions/domain/log-tiles';
import { checkEntries, type LogTotals } from './check-entries';
import { checkTree } from './check-tree';
import { compareFirst, compareSettled, compareStores } from './compare-totals';
import type { LogSource, PublicFigures } from './log-source';
import type { SeenCheckpoint } from './seen-checkpoint';

export interface VerifyDeps {
  sha256: Sha256;
  verify: Ed25519Verify;
  source: LogSource;
  figures: PublicFigures;
  /** Witness verifier keys whose cosignatures must verify when present. */
  witnessKeys: string[];
  /** The checkpoint this verifier saw last, if any. */
  seen: SeenCheckpoint | null;
  /** Waits out the log's delay before the second read (pinned in tests). */
  settle: () => Promise<void>;
}

export interface VerifyReport {
  findings: string[];
  infos: string[];
  /** The checkpoint to remember for the next run (null when it did not verify). */
  checkpoint: SeenCheckpoint | null;
  summary: string;
}

interface ReadLog {
  note: string;
  checkpoint: Checkpoint;
  totals: LogTotals;
  entries: number;
  cosigners: string[];
}

/**
 * One run of `npm run verify-log`: the checkpoint's signature, every tile and bundle against each
 * other and against the signed root, consistency with the checkpoint seen last, every entry, then
 * the dreams' flowers and the stores' meals against the public API (see compare-totals for when a
 * difference is a finding).
 */
export async function verifyLog(deps: VerifyDeps): Promise<VerifyReport> {
  const findings: string[] = [];
  const infos: string[] = [];
  const { origin, verifierKey } = await deps.source.key();
  const logKey = parseVerifierKey(deps.sha256, verifierKey);
  if (!logKey || logKey.name !== origin) return done([`key: ${verifierKey} is not a verifier key of ${origin}`], infos, null);
  const witnesses = deps.witnessKeys.map((text) => parseVerifierKey(deps.sha256, text));
  if (witnesses.some((key) => !key)) return done([`witness: a --witness value is not a verifier key`], infos, null);

  const readLog = async (): Promise<ReadLog | null> => {
    const note = await deps.source.checkpoint();
    const check = verifyCheckpoint(
      note,
      logKey,
      witnesses.map((key) => key!),
      deps.verify,
    );
    if (!check.ok) {
      findings.push(`checkpoint: ${check.reason.replace('_', ' ')}`);
      return null;
    }
    const tree = await checkTree(deps.sha256, deps.source, check.checkpoint.size, check.checkpoint.root);
    const entries = checkEntries(tree.entries);
    findings.push(...tree.findings, ...entries.findings);
    return { note, checkpoint: check.checkpoint, totals: entries.totals, entries: tree.entries.length, cosigners: check.cosigners.map((c) => c.name) };
  };

  const first = await readLog();
  if (!first) return done(findings, infos, null);
  const missingWitnesses = witnesses.filter((key) => !first.cosigners.includes(key!.name));
  for (const key of missingWitnesses) findings.push(`checkpoint: no cosignature from witness ${key!.name}`);
  if (deps.seen) await checkConsistency(deps, deps.seen, first.checkpoint, findings);

  const dreamsFirst = await dreamFigures(deps.figures, [...first.totals.dreamFlowers.keys()]);
  const storesFirst = first.totals.storeMeals.size > 0 ? await deps.figures.storeMeals() : new Map<string, number>();
  const dreams = compareFirst(first.totals, { dreams: dreamsFirst });
  findings.push(...dreams.findings);
  infos.push(...dreams.infos);
  const storesApart = [...first.totals.storeMeals].filter(([store, meals]) => storesFirst.get(store) !== meals).map(([store]) => store);

  let last = first;
  if (dreams.behind.length > 0 || storesApart.length > 0) {
    await deps.settle();
    const second = await readLog();
    if (second) {
      await checkConsistency(deps, seenOf(first), second.checkpoint, findings);
      const dreamsSecond = await dreamFigures(deps.figures, dreams.behind);
      findings.push(...compareSettled(second.totals, dreams.behind, dreamsFirst, dreamsSecond));
      const storesSecond = await deps.figures.storeMeals();
      const onlyApart = { ...second.totals, storeMeals: new Map([...second.totals.storeMeals].filter(([store]) => storesApart.includes(store))) };
      const stores = compareStores(onlyApart, storesFirst, storesSecond);
      findings.push(...stores.findings);
      infos.push(...stores.infos);
      last = second;
    }
  }
  const cosigned = last.cosigners.length > 0 ? `, cosigned by ${last.cosigners.join(', ')}` : '';
  const summary = `log ${origin}: ${last.checkpoint.size} entries verified at root ${toBase64(last.checkpoint.root)}${cosigned}; ${last.totals.dreamFlowers.size} dreams and ${last.totals.storeMeals.size} stores compared`;
  return done(findings, infos, findings.length === 0 ? seenOf(last) : null, summary);
}

function done(findings: string[], infos: string[], checkpoint: SeenCheckpoint | null, summary = ''): VerifyReport {
  return { findings, infos, checkpoint, summary };
}

function seenOf(read: ReadLog): SeenCheckpoint {
  return { origin: read.checkpoint.origin, size: read.checkpoint.size, root: toBase64(read.checkpoint.root), note: read.note };
}

async function dreamFigures(figures: PublicFigures, ids: string[]): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  for (const id of ids) out.set(id, await figures.dreamFlowers(id));
  return out;
}

/** The tree now must extend the one seen before: prove it from the new tiles. */
async function checkConsistency(deps: VerifyDeps, seen: SeenCheckpoint, now: Checkpoint, findings: string[]): Promise<void> {
  const oldRoot = fromBase64(seen.root);
  if (seen.origin !== now.origin || !oldRoot) {
    findings.push(`consistency: the remembered checkpoint is not one of ${now.origin}`);
    return;
  }
  if (now.size < seen.size) {
    findings.push(`consistency: the log shrank from ${seen.size} to ${now.size} entries`);
    return;
  }
  let proof: Hash[];
  try {
    const readTile = async (ref: TileRef) => {
      const bytes = await deps.source.tile(tilePath(ref));
      return (bytes && decodeTile(bytes)) ?? [];
    };
    proof = await consistencyProof(deps.sha256, tileSubtrees(deps.sha256, readTile, now.size), seen.size, now.size);
  } catch (error) {
    findings.push(`consistency: no proof from ${seen.size} to ${now.size} (${(error as Error).message})`);
    return;
  }
  if (!verifyConsistency(deps.sha256, seen.size, now.size, oldRoot, now.root, proof)) {
    findings.push(`consistency: the tree of ${now.size} does not extend the one of ${seen.size} seen before (history rewritten)`);
  }
}
