import { createHash, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { toBase64 } from '../../functions/domain/log-encoding';
import {
  SIGNATURE_COSIGNATURE,
  SIGNATURE_ED25519,
  cosign,
  formatVerifierKey,
  noteKey,
  parseNote,
  parseVerifierKey,
  signCheckpoint,
  signatureLine,
  verifyCheckpoint,
  type NoteKey,
} from '../../functions/domain/log-note';

const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());
const ed25519Verify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) =>
  verify(null, message, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' }), signature);

function keyPair(name: string, type: NoteKey['type']) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
  return { key: noteKey(sha256, name, type, new Uint8Array(raw)), sign: (message: Uint8Array) => new Uint8Array(sign(null, message, privateKey)) };
}

describe('signed notes', () => {
  // The example of the signed-note specification: a verifier key and the note it verifies.
  const SPEC_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
  const SPEC_NOTE =
    'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';

  it('reads the specification’s verifier key and verifies its example note with Ed25519', () => {
    // Arrange
    const key = parseVerifierKey(sha256, SPEC_VKEY) as NoteKey;
    // Act
    const note = parseNote(SPEC_NOTE);
    // Assert
    expect(formatVerifierKey(key)).toBe(SPEC_VKEY);
    expect(note?.text).toBe('This is an example message.\n');
    expect(note?.signatures[0].keyId).toEqual(key.keyId);
    expect(ed25519Verify(key.publicKey, Buffer.from(note!.text), note!.signatures[0].signature)).toBe(true);
    expect(ed25519Verify(key.publicKey, Buffer.from('This is an example message!\n'), note!.signatures[0].signature)).toBe(false);
  });

  it('refuses a verifier key whose id does not match its name and key', () => {
    expect(parseVerifierKey(sha256, SPEC_VKEY.replace('530d903a', '530d903b'))).toBeUndefined();
    expect(parseVerifierKey(sha256, SPEC_VKEY.replace('example.com/foo', 'example.com/bar'))).toBeUndefined();
  });

  it('refuses malformed notes: no blank line, control characters, a bad signature line', () => {
    expect(parseNote('text\n— a AAAAAAA=\n')).toBeUndefined();
    expect(parseNote('te\u0007xt\n\n' + SPEC_NOTE.split('\n\n')[1])).toBeUndefined();
    expect(parseNote('text\n\n— example.com/foo not base64!\n')).toBeUndefined();
  });
});

describe('checkpoints', () => {
  const log = keyPair('flowers.example.org/log', SIGNATURE_ED25519);
  const witness = keyPair('witness.example.org/w1', SIGNATURE_COSIGNATURE);
  const root = sha256(new Uint8Array([1, 2, 3]));
  const checkpoint = { origin: 'flowers.example.org/log', size: 42, root };

  it('signs a checkpoint the verifier accepts, with the body the tlog-checkpoint format gives', () => {
    // Act
    const note = signCheckpoint(log.key, log.sign, checkpoint);
    const check = verifyCheckpoint(note, log.key, [], ed25519Verify);
    // Assert
    expect(note.startsWith(`flowers.example.org/log\n42\n${toBase64(root)}\n\n— flowers.example.org/log `)).toBe(true);
    expect(check).toEqual({ ok: true, checkpoint, cosigners: [] });
  });

  it('counts a witness cosignature, ignores unknown signers, and rejects a forged size or a bad cosignature', () => {
    // Arrange
    const note = signCheckpoint(log.key, log.sign, checkpoint);
    const text = parseNote(note)!.text;
    const cosigned = note + signatureLine(cosign(witness.key, witness.sign, text, 1_764_720_000));
    const stranger = keyPair('stranger.example/x', SIGNATURE_COSIGNATURE);
    const withStranger = cosigned + signatureLine(cosign(stranger.key, stranger.sign, text, 1));
    // Act / Assert
    expect(verifyCheckpoint(withStranger, log.key, [witness.key], ed25519Verify)).toEqual({
      ok: true,
      checkpoint,
      cosigners: [{ name: 'witness.example.org/w1', timestamp: 1_764_720_000 }],
    });
    expect(verifyCheckpoint(cosigned.replace('\n42\n', '\n43\n'), log.key, [witness.key], ed25519Verify)).toEqual({ ok: false, reason: 'bad_signature' });
    const wrongTime =
      note +
      signatureLine({
        ...cosign(witness.key, witness.sign, text, 5),
        signature: cosign(witness.key, witness.sign, text, 6).signature.map((b, i) => (i < 8 ? [0, 0, 0, 0, 0, 0, 0, 5][i] : b)),
      });
    expect(verifyCheckpoint(wrongTime, log.key, [witness.key], ed25519Verify)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a note the log did not sign, or one for another origin', () => {
    const other = keyPair('flowers.example.org/log', SIGNATURE_ED25519);
    expect(verifyCheckpoint(signCheckpoint(other.key, other.sign, checkpoint), log.key, [], ed25519Verify)).toEqual(
      // Same name, another key: its id differs, so the signature is unknown and the note unsigned.
      { ok: false, reason: other.key.keyId.every((b, i) => b === log.key.keyId[i]) ? 'bad_signature' : 'unsigned' },
    );
    const elsewhere = keyPair('other.example/log', SIGNATURE_ED25519);
    expect(verifyCheckpoint(signCheckpoint(elsewhere.key, elsewhere.sign, { ...checkpoint, origin: 'other.example/log' }), log.key, [], ed25519Verify)).toEqual(
      {
        ok: false,
        reason: 'wrong_origin',
      },
    );
  });
});
