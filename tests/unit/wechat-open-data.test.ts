import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decryptOpenData, encryptOpenData, OpenDataError, type OpenDataFailure } from '../../functions/adapters/wechat/open-data';

interface Sample {
  appId: string;
  sessionKey: string;
  iv: string;
  encryptedData: string;
  expected: { openId: string; nickName: string; unionId: string; watermark: { appid: string; timestamp: number } };
}

const sample: Sample = JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/wechat-open-data-sample.json'), 'utf8'));
const sampleInput = { sessionKey: sample.sessionKey, iv: sample.iv, encryptedData: sample.encryptedData, appId: sample.appId };

function failureOf(run: () => unknown): OpenDataFailure | 'no error' {
  try {
    run();
    return 'no error';
  } catch (err) {
    if (err instanceof OpenDataError) return err.reason;
    throw err;
  }
}

/** Flips one bit of the byte at `index` of a base64 string's decoded bytes. */
function flipByte(base64: string, index: number): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[index] ^= 0x01;
  return bytes.toString('base64');
}

describe('decryptOpenData', () => {
  it("decrypts WeChat's published sample to its expected values", () => {
    const data = decryptOpenData<{ openId: string; nickName: string; unionId: string }>(sampleInput);

    expect(data.openId).toBe(sample.expected.openId);
    expect(data.nickName).toBe(sample.expected.nickName);
    expect(data.unionId).toBe(sample.expected.unionId);
    expect(data.watermark).toEqual(sample.expected.watermark);
  });

  it('rejects the same data for another app id', () => {
    const reason = failureOf(() => decryptOpenData({ ...sampleInput, appId: 'wx0000000000000000' }));

    expect(reason).toBe('wrong_appid');
  });

  it('rejects ciphertext whose last block was tampered with', () => {
    const lastByte = Buffer.from(sample.encryptedData, 'base64').length - 1;

    const reason = failureOf(() => decryptOpenData({ ...sampleInput, encryptedData: flipByte(sample.encryptedData, lastByte) }));

    expect(reason).toBe('decrypt_failed');
  });

  it('rejects ciphertext tampered with in the middle', () => {
    const reason = failureOf(() => decryptOpenData({ ...sampleInput, encryptedData: flipByte(sample.encryptedData, 40) }));

    expect(reason).toBe('bad_json');
  });

  it('rejects data decrypted with the wrong session key', () => {
    const reason = failureOf(() => decryptOpenData({ ...sampleInput, sessionKey: flipByte(sample.sessionKey, 0) }));

    // Without a MAC a wrong key shows up either as bad padding or as garbage that is not JSON.
    expect(['decrypt_failed', 'bad_json']).toContain(reason);
  });

  it.each([
    ['encryptedData with characters outside base64', { encryptedData: `${sample.encryptedData.slice(0, -4)}*#!?` }],
    ['a session key that is not 16 bytes', { sessionKey: Buffer.alloc(24).toString('base64') }],
    ['an iv that is not base64', { iv: 'not base64 at all' }],
    ['an empty encryptedData', { encryptedData: '' }],
    ['encryptedData that is not whole blocks', { encryptedData: Buffer.alloc(20).toString('base64') }],
  ])('rejects %s as bad input', (_name, override) => {
    const reason = failureOf(() => decryptOpenData({ ...sampleInput, ...override }));

    expect(reason).toBe('bad_input');
  });

  it('rejects plaintext without a watermark', () => {
    const sealed = encryptOpenData({ stepInfoList: [] }, sample.sessionKey);

    const reason = failureOf(() => decryptOpenData({ ...sealed, sessionKey: sample.sessionKey, appId: sample.appId }));

    expect(reason).toBe('wrong_appid');
  });

  it('rejects plaintext that is JSON but not an object', () => {
    const sealed = encryptOpenData([1, 2, 3], sample.sessionKey);

    const reason = failureOf(() => decryptOpenData({ ...sealed, sessionKey: sample.sessionKey, appId: sample.appId }));

    expect(reason).toBe('bad_json');
  });
});

describe('encryptOpenData', () => {
  it('round-trips WeRun data through decryptOpenData', () => {
    const payload = {
      stepInfoList: [
        { timestamp: 1764000000, step: 8123 },
        { timestamp: 1764086400, step: 12001 },
      ],
      watermark: { appid: sample.appId, timestamp: 1764090000 },
    };

    const sealed = encryptOpenData(payload, sample.sessionKey);
    const opened = decryptOpenData<{ stepInfoList: { timestamp: number; step: number }[] }>({
      ...sealed,
      sessionKey: sample.sessionKey,
      appId: sample.appId,
    });

    expect(opened).toEqual(payload);
  });

  it("reproduces WeChat's sample ciphertext byte for byte from its plaintext and iv", () => {
    const plaintext = decryptOpenData(sampleInput) as object;

    const sealed = encryptOpenData(plaintext, sample.sessionKey, sample.iv);

    expect(sealed).toEqual({ encryptedData: sample.encryptedData, iv: sample.iv });
  });

  it('uses a fresh random iv when none is given', () => {
    const first = encryptOpenData({ a: 1 }, sample.sessionKey);
    const second = encryptOpenData({ a: 1 }, sample.sessionKey);

    expect(Buffer.from(first.iv, 'base64')).toHaveLength(16);
    expect(first.iv).not.toBe(second.iv);
  });
});
