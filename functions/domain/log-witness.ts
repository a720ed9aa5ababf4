/**
 * A witness's rules (C2SP tlog-witness, cosigning per tlog-cosignature): it cosigns a log's
 * checkpoint only when the log's key signed it and a consistency proof shows the new tree extends
 * the one it cosigned last, so a log that forks or rewrites its history cannot get a cosignature
 * for both trees. Pure: the state, the keys and the clock are the caller's.
 */
import { bytesEqual, fromBase64, type Sha256 } from './log-encoding';
import { emptyRoot, verifyConsistency, type Hash } from './log-merkle';
import { cosign, signatureLine, verifyCheckpoint, type Ed25519Sign, type Ed25519Verify, type NoteKey } from './log-note';

/** What a witness remembers of one log: the tree it cosigned last. */
export interface WitnessedTree {
  size: number;
  root: Hash;
}

export interface AddCheckpointRequest {
  oldSize: number;
  proof: Hash[];
  note: string;
}

export interface WitnessDeps {
  sha256: Sha256;
  verify: Ed25519Verify;
  /** The witness's own cosigning key (type 0x04) and how to sign with it. */
  key: NoteKey;
  sign: Ed25519Sign;
  /** The logs it witnesses: their signing keys, named by origin. */
  logs: NoteKey[];
}

export type AddCheckpointAnswer =
  { status: 200; body: string; origin: string; tree: WitnessedTree } | { status: 409; body: string } | { status: 400 | 403 | 404 | 422; body: string };

/** `old <size>`, one base64 proof hash a line, a blank line, then the checkpoint note. */
export function parseAddCheckpoint(body: string): AddCheckpointRequest | undefined {
  const split = body.indexOf('\n\n');
  if (split < 0) return undefined;
  const [first, ...hashes] = body.slice(0, split).split('\n');
  const old = /^old (0|[1-9]\d*)$/.exec(first);
  if (!old || hashes.length > 63) return undefined;
  const proof = hashes.map((line) => fromBase64(line));
  if (proof.some((hash) => !hash || hash.length !== 32)) return undefined;
  const oldSize = Number(old[1]);
  return Number.isSafeInteger(oldSize) ? { oldSize, proof: proof as Hash[], note: body.slice(split + 2) } : undefined;
}

/**
 * Decides one add-checkpoint request against the tree stored for the checkpoint's origin
 * (undefined: never cosigned, the empty tree). On 200 the caller persists `tree` before answering.
 */
export function addCheckpoint(deps: WitnessDeps, stored: WitnessedTree | undefined, request: AddCheckpointRequest, now: number): AddCheckpointAnswer {
  const origin = request.note.split('\n', 1)[0];
  const logKey = deps.logs.find((key) => key.name === origin);
  if (!logKey) return { status: 404, body: 'unknown log\n' };
  const check = verifyCheckpoint(request.note, logKey, [], deps.verify);
  if (!check.ok)
    return check.reason === 'malformed' ? { status: 400, body: 'malformed checkpoint\n' } : { status: 403, body: 'no signature of the log verifies\n' };
  const { size, root } = check.checkpoint;
  const known = stored ?? { size: 0, root: emptyRoot(deps.sha256) };
  if (request.oldSize > size) return { status: 400, body: 'old size is larger than the checkpoint\n' };
  if (request.oldSize !== known.size) return { status: 409, body: `${known.size}\n` };
  if (size === 0 && !bytesEqual(root, emptyRoot(deps.sha256))) return { status: 422, body: 'an empty tree has the empty root\n' };
  if (request.oldSize === 0 && request.proof.length > 0) return { status: 422, body: 'no proof from the empty tree\n' };
  if (size === known.size && !bytesEqual(root, known.root)) return { status: 422, body: 'same size, different root\n' };
  if (!verifyConsistency(deps.sha256, known.size, size, known.root, root, request.proof)) return { status: 422, body: 'consistency proof does not verify\n' };
  const text = request.note.slice(0, request.note.indexOf('\n\n') + 1);
  return { status: 200, body: signatureLine(cosign(deps.key, deps.sign, text, now)), origin, tree: { size, root } };
}
