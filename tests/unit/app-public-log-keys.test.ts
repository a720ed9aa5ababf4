/**
 * The public log's keys an app build bakes in (config/log-keys.ts): a local or test build trusts
 * exactly the keys `npm run api` signs and cosigns with; a deployed stage's mini-program names its own
 * log key or does not build.
 */
import { logKeysFor } from '../../config/log-keys';
import { ed25519FromSeed, nodeLogCrypto } from '../../functions/adapters/crypto/log-crypto';
import { logKeyOf } from '../../functions/log/reads';
import { formatVerifierKey } from '../../functions/domain/log-note';
import { LOCAL_LOG_ORIGIN, LOCAL_LOG_SEED } from '../../functions/shared/config/log';
import { SIGNATURE_ED25519, noteKey } from '../../functions/domain/log-note';
import { localWitnessDeps } from '../../scripts/lib/witness-server';

describe('logKeysFor', () => {
  it("gives a local build the local log's verifier key, as the API serves it", async () => {
    // Arrange
    const { publicKey, sign } = ed25519FromSeed(new Uint8Array(Buffer.from(LOCAL_LOG_SEED, 'hex')));
    const served = await logKeyOf({ signer: async () => ({ key: noteKey(nodeLogCrypto.sha256, LOCAL_LOG_ORIGIN, SIGNATURE_ED25519, publicKey), sign }) });

    // Act
    const keys = logKeysFor({ platform: 'h5' });

    // Assert
    expect(keys.vkey).toBe(served.verifierKey);
  });

  it("gives a test build the local witness's key, so its cosignature counts", () => {
    // Arrange
    const witness = formatVerifierKey(localWitnessDeps().key);

    // Act
    const keys = logKeysFor({ platform: 'weapp', stage: 'test' });

    // Assert
    expect(keys.witnesses).toEqual([witness]);
  });

  it("refuses a deployed stage's mini-program without the log's key", () => {
    // Arrange
    const build = { platform: 'weapp', stage: 'prod' };

    // Act
    const building = () => logKeysFor(build);

    // Assert
    expect(building).toThrow(/TARO_APP_LOG_VKEY/);
  });

  it("uses a deployed stage's own keys and trusts no local witness there", () => {
    // Arrange
    const vkey = 'log.example.cn+01234567+AQ==';

    // Act
    const keys = logKeysFor({ platform: 'weapp', stage: 'prod', vkey });

    // Assert
    expect(keys).toEqual({ vkey, witnesses: [] });
  });

  it('takes the witnesses a build names, comma-separated', () => {
    // Arrange
    const witnesses = ' w1.example+00000001+BA== , w2.example+00000002+BA==';

    // Act
    const keys = logKeysFor({ platform: 'weapp', stage: 'prod', vkey: 'log.example.cn+01234567+AQ==', witnesses });

    // Assert
    expect(keys.witnesses).toEqual(['w1.example+00000001+BA==', 'w2.example+00000002+BA==']);
  });
});
