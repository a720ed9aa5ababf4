/**
 * Signed notes (C2SP signed-note) and checkpoints (C2SP tlog-checkpoint), with Ed25519 log
 * signatures (type 0x01) and timestamped witness cosignatures (C2SP tlog-cosignature, type 0x04).
 * Signing and verifying are ports: node:crypto on the server, @noble/ed25519 on the phone.
 */
import { bytesEqual, concatBytes, fromBase64, readUint64, toBase64, toHex, uint64, utf8, type Sha256 } from './log-encoding';
import type { Hash } from './log-merkle';

export const SIGNATURE_ED25519 = 0x01;
export const SIGNATURE_COSIGNATURE = 0x04;

export type Ed25519Verify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean;
export type Ed25519Sign = (message: Uint8Array) => Uint8Array;

/** A public key as a note verifier knows it. */
export interface NoteKey {
  name: string;
  type: typeof SIGNATURE_ED25519 | typeof SIGNATURE_COSIGNATURE;
  publicKey: Uint8Array;
  keyId: Uint8Array;
}

export interface NoteSignature {
  name: string;
  keyId: Uint8Array;
  signature: Uint8Array;
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Hash;
}

/** Key names: non-empty, no spaces, no plus. */
export function isKeyName(name: string): boolean {
  return /^[^\s+]+$/u.test(name);
}

export function keyIdOf(sha256: Sha256, name: string, type: number, publicKey: Uint8Array): Uint8Array {
  return sha256(concatBytes(utf8(name), Uint8Array.of(0x0a, type), publicKey)).subarray(0, 4);
}

export function noteKey(sha256: Sha256, name: string, type: NoteKey['type'], publicKey: Uint8Array): NoteKey {
  return { name, type, publicKey, keyId: keyIdOf(sha256, name, type, publicKey) };
}

/** `<name>+<hex key id>+<base64(type || public key)>`. */
export function formatVerifierKey(key: NoteKey): string {
  return `${key.name}+${toHex(key.keyId)}+${toBase64(concatBytes(Uint8Array.of(key.type), key.publicKey))}`;
}

/** Reads a verifier key, checking that its id is the one its name and key give. */
export function parseVerifierKey(sha256: Sha256, text: string): NoteKey | undefined {
  // The key's base64 may itself hold a `+`: only the first two separate the fields.
  const first = text.indexOf('+');
  const second = first < 0 ? -1 : text.indexOf('+', first + 1);
  const parts = second < 0 ? [] : [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
  if (parts.length !== 3 || !isKeyName(parts[0]) || !/^[0-9a-f]{8}$/.test(parts[1])) return undefined;
  const material = fromBase64(parts[2]);
  if (!material || material.length !== 33) return undefined;
  const type = material[0];
  if (type !== SIGNATURE_ED25519 && type !== SIGNATURE_COSIGNATURE) return undefined;
  const key = noteKey(sha256, parts[0], type, material.subarray(1));
  return toHex(key.keyId) === parts[1] ? key : undefined;
}

export function signatureLine(signature: NoteSignature): string {
  return `— ${signature.name} ${toBase64(concatBytes(signature.keyId, signature.signature))}\n`;
}

/** Splits a note into its text (with its final newline) and signatures; undefined when malformed. */
export function parseNote(note: string): { text: string; signatures: NoteSignature[] } | undefined {
  // Only newline among the control characters, at most 16 KB, and a blank line before the signatures.
  const controls = [...note].some((char) => char < ' ' && char !== '\n');
  if (note.length > 16_384 || controls || !note.endsWith('\n')) return undefined;
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return undefined;
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    const match = /^— (\S+) (\S+)$/u.exec(line);
    const bytes = match && isKeyName(match[1]) ? fromBase64(match[2]) : undefined;
    if (!match || !bytes || bytes.length < 5) return undefined;
    signatures.push({ name: match[1], keyId: bytes.subarray(0, 4), signature: bytes.subarray(4) });
  }
  return signatures.length > 0 && signatures.length <= 100 ? { text, signatures } : undefined;
}

export function checkpointText(checkpoint: Checkpoint): string {
  return `${checkpoint.origin}\n${checkpoint.size}\n${toBase64(checkpoint.root)}\n`;
}

/** A checkpoint's three lines (extension lines are kept in the signed text but carry no meaning here). */
export function parseCheckpointText(text: string): Checkpoint | undefined {
  const lines = text.split('\n');
  if (lines.length < 4 || lines[lines.length - 1] !== '') return undefined;
  const [origin, sizeText, rootText] = lines;
  const root = fromBase64(rootText);
  if (!isKeyName(origin) || !/^(0|[1-9]\d*)$/.test(sizeText) || !root || root.length !== 32) return undefined;
  const size = Number(sizeText);
  return Number.isSafeInteger(size) ? { origin, size, root } : undefined;
}

export function signCheckpoint(key: NoteKey, sign: Ed25519Sign, checkpoint: Checkpoint): string {
  const text = checkpointText(checkpoint);
  return `${text}\n${signatureLine({ name: key.name, keyId: key.keyId, signature: sign(utf8(text)) })}`;
}

/** The message a witness signs: `cosignature/v1`, the time, then the checkpoint's text. */
export function cosignedMessage(text: string, timestamp: number): Uint8Array {
  return utf8(`cosignature/v1\ntime ${timestamp}\n${text}`);
}

export function cosign(key: NoteKey, sign: Ed25519Sign, text: string, timestamp: number): NoteSignature {
  return { name: key.name, keyId: key.keyId, signature: concatBytes(uint64(timestamp), sign(cosignedMessage(text, timestamp))) };
}

export type NoteCheck =
  | { ok: true; checkpoint: Checkpoint; cosigners: { name: string; timestamp: number }[] }
  | { ok: false; reason: 'malformed' | 'unsigned' | 'bad_signature' | 'wrong_origin' };

/**
 * Verifies a checkpoint note: the log's own signature must be there and verify; a witness
 * cosignature from a known key must verify too (a failing known signature rejects the note);
 * unknown signatures are ignored, as the spec requires.
 */
export function verifyCheckpoint(note: string, logKey: NoteKey, witnesses: NoteKey[], verify: Ed25519Verify): NoteCheck {
  const parsed = parseNote(note);
  const checkpoint = parsed && parseCheckpointText(parsed.text);
  if (!parsed || !checkpoint) return { ok: false, reason: 'malformed' };
  if (checkpoint.origin !== logKey.name) return { ok: false, reason: 'wrong_origin' };
  let logSigned = false;
  const cosigners: { name: string; timestamp: number }[] = [];
  for (const signature of parsed.signatures) {
    const key = [logKey, ...witnesses].find((known) => known.name === signature.name && bytesEqual(known.keyId, signature.keyId));
    if (!key) continue;
    if (key.type === SIGNATURE_ED25519) {
      if (!verify(key.publicKey, utf8(parsed.text), signature.signature)) return { ok: false, reason: 'bad_signature' };
      logSigned = true;
    } else {
      if (signature.signature.length !== 72) return { ok: false, reason: 'bad_signature' };
      const timestamp = readUint64(signature.signature.subarray(0, 8));
      if (!verify(key.publicKey, cosignedMessage(parsed.text, timestamp), signature.signature.subarray(8))) return { ok: false, reason: 'bad_signature' };
      cosigners.push({ name: key.name, timestamp });
    }
  }
  return logSigned ? { ok: true, checkpoint, cosigners } : { ok: false, reason: 'unsigned' };
}
