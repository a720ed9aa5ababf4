/**
 * The app's check of a public-log receipt (app/services/public-log-verify.ts) with Taro stubbed: a
 * real receipt, built with the domain functions and a checkpoint signed by node:crypto under the
 * local log key (and cosigned by the local witness), verifies with the keys the app build bakes in;
 * each tampering gets its own Chinese answer.
 */
import { ed25519FromSeed, nodeLogCrypto } from '../../functions/adapters/crypto/log-crypto';
import type { LogReceiptLogged } from '../../functions/contract/log';
import { toBase64 } from '../../functions/domain/log-encoding';
import { commitment, entryBytes, type DreamGiftEntry } from '../../functions/domain/log-entries';
import { inclusionProof, leafHash, memorySubtrees, treeRoot } from '../../functions/domain/log-merkle';
import { SIGNATURE_COSIGNATURE, SIGNATURE_ED25519, cosign, noteKey, signCheckpoint, signatureLine } from '../../functions/domain/log-note';
import { LOCAL_LOG_ORIGIN, LOCAL_LOG_SEED } from '../../functions/shared/config/log';
import { LOCAL_WITNESS_NAME, LOCAL_WITNESS_SEED } from '../../scripts/lib/witness-server';
import { logKeysFor, verifierKeyOf } from '../../config/log-keys';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

import { checkCheckpoint, tamperedProof, verifyReceipt, type LogTrust } from '../../app/services/public-log-verify';

const { sha256, hmac } = nodeLogCrypto;
const PINNED_AT = '2026-12-03T05:00:00.000Z';
const PINNED_COSIGN_TIME = 1_796_274_000;
const seed = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));

/** Seven gifts in a log; the receipt is for the one at `index`, with its own salt. */
function receiptFor(index: number, options: { cosigned?: boolean } = {}) {
  const salts = Array.from({ length: 7 }, (_, n) => new Uint8Array(32).fill(n + 1));
  const entries: DreamGiftEntry[] = salts.map((salt, n) => ({
    v: 1,
    kind: 'dream_gift',
    ref: `gift-${n}`,
    at: PINNED_AT,
    dream: 'dream-1',
    flowers: 10 + n,
    donor: commitment(hmac, salt, `gift-${n}`),
  }));
  const leaves = entries.map((entry) => leafHash(sha256, entryBytes(entry)));
  const read = memorySubtrees(sha256, leaves);
  return (async (): Promise<LogReceiptLogged> => {
    const log = ed25519FromSeed(seed(LOCAL_LOG_SEED));
    const logKey = noteKey(sha256, LOCAL_LOG_ORIGIN, SIGNATURE_ED25519, log.publicKey);
    const root = await treeRoot(sha256, read, leaves.length);
    let note = signCheckpoint(logKey, log.sign, { origin: LOCAL_LOG_ORIGIN, size: leaves.length, root });
    if (options.cosigned !== false) {
      const witness = ed25519FromSeed(seed(LOCAL_WITNESS_SEED));
      const witnessKey = noteKey(sha256, LOCAL_WITNESS_NAME, SIGNATURE_COSIGNATURE, witness.publicKey);
      const text = note.slice(0, note.indexOf('\n\n') + 1);
      note += signatureLine(cosign(witnessKey, witness.sign, text, PINNED_COSIGN_TIME));
    }
    const proof = await inclusionProof(sha256, read, index, leaves.length);
    return {
      status: 'logged',
      index,
      entry: toBase64(entryBytes(entries[index])),
      checkpoint: note,
      proof: proof.map(toBase64),
      salt: toBase64(salts[index]),
    };
  })();
}

// What a local build of the app bakes in (config/index.ts → config/log-keys.ts).
const localTrust: LogTrust = logKeysFor({ platform: 'weapp', stage: 'local' });
const gift3 = { ref: 'gift-3', flowers: 13, dream: 'dream-1' };

describe('verifyReceipt', () => {
  it('verifies a real receipt with the keys built into a local app, counting the witness', async () => {
    // Arrange
    const receipt = await receiptFor(3);

    // Act
    const check = verifyReceipt(receipt, gift3, localTrust);

    // Assert
    expect(check).toEqual({ ok: true, index: 3, size: 7, cosigners: 1 });
  });

  it('counts no witness when the checkpoint carries no cosignature', async () => {
    // Arrange
    const receipt = await receiptFor(6, { cosigned: false });

    // Act
    const check = verifyReceipt(receipt, { ref: 'gift-6', flowers: 16 }, localTrust);

    // Assert
    expect(check).toEqual({ ok: true, index: 6, size: 7, cosigners: 0 });
  });

  it.each([
    ['a changed proof hash', (r: LogReceiptLogged) => ({ ...r, proof: [toBase64(new Uint8Array(32)), ...r.proof.slice(1)] }), gift3, '证明与账本根不符'],
    ['a proof hash missing', (r: LogReceiptLogged) => ({ ...r, proof: r.proof.slice(1) }), gift3, '证明与账本根不符'],
    ['another index', (r: LogReceiptLogged) => ({ ...r, index: 2 }), gift3, '证明与账本根不符'],
    [
      'a changed entry',
      (r: LogReceiptLogged) => ({ ...r, entry: toBase64(Buffer.from(Buffer.from(r.entry, 'base64').toString().replace('13', '99'))) }),
      gift3,
      '证明与账本根不符',
    ],
    [
      'a changed root in the note',
      (r: LogReceiptLogged) => ({ ...r, checkpoint: r.checkpoint.replace(/\n7\n./, (m) => m.slice(0, -1) + (m.endsWith('A') ? 'B' : 'A')) }),
      gift3,
      '签名不对',
    ],
    ['another gift shown (flowers)', (r: LogReceiptLogged) => r, { ...gift3, flowers: 14 }, '记录与这笔捐赠不符'],
    ['another gift shown (ref)', (r: LogReceiptLogged) => r, { ...gift3, ref: 'gift-4' }, '记录与这笔捐赠不符'],
    ['another dream shown', (r: LogReceiptLogged) => r, { ...gift3, dream: 'dream-2' }, '记录与这笔捐赠不符'],
    ['another salt', (r: LogReceiptLogged) => ({ ...r, salt: toBase64(new Uint8Array(32).fill(9)) }), gift3, '承诺不符'],
  ])('answers %s with its failure', async (_name, tamper, shown, message) => {
    // Arrange
    const receipt = tamper(await receiptFor(3));

    // Act
    const check = verifyReceipt(receipt, shown, localTrust);

    // Assert
    expect(check).toMatchObject({ ok: false, message });
  });

  it('refuses a checkpoint signed by any key but the one built in', async () => {
    // Arrange: a deployed build trusts its own stage's key, not the local one
    const receipt = await receiptFor(3);
    const otherTrust: LogTrust = { vkey: verifierKeyOf(LOCAL_LOG_ORIGIN, SIGNATURE_ED25519, '2a'.repeat(32)), witnesses: [] };

    // Act
    const check = verifyReceipt(receipt, gift3, otherTrust);

    // Assert
    expect(check).toMatchObject({ ok: false, message: '签名不对' });
  });
});

describe('tamperedProof', () => {
  afterEach(() => {
    delete process.env.TARO_APP_LOG_TEST_SWITCHES;
  });

  it('breaks the proof in a local or test build', async () => {
    // Arrange
    process.env.TARO_APP_LOG_TEST_SWITCHES = '1';
    const receipt = await receiptFor(3);

    // Act
    const check = verifyReceipt(tamperedProof(receipt), gift3, localTrust);

    // Assert
    expect(check).toMatchObject({ ok: false, message: '证明与账本根不符' });
  });

  it('does nothing in a deployed build', async () => {
    // Arrange
    const receipt = await receiptFor(3);

    // Act
    const same = tamperedProof(receipt);

    // Assert
    expect(same).toBe(receipt);
  });
});

describe('checkCheckpoint', () => {
  it('reads the size and the witnesses of a checkpoint signed under the built-in key', async () => {
    // Arrange
    const { checkpoint } = await receiptFor(0);

    // Act
    const check = checkCheckpoint(checkpoint, localTrust);

    // Assert
    expect(check).toMatchObject({ ok: true, checkpoint: { size: 7 }, cosigners: 1 });
  });
});
