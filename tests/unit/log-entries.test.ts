import { createHmac } from 'node:crypto';
import { fromUtf8 } from '../../functions/domain/log-encoding';
import { commitment, entryBytes, entryCommitment, parseEntry, type DreamGiftEntry } from '../../functions/domain/log-entries';

const hmac = (key: Uint8Array, message: Uint8Array) => new Uint8Array(createHmac('sha256', key).update(message).digest());

describe('log entries', () => {
  const salt = Uint8Array.from({ length: 32 }, (_, i) => i);
  const gift: DreamGiftEntry = {
    v: 1,
    kind: 'dream_gift',
    ref: '01JEXAMPLEDONATION',
    dream: '01JEXAMPLEDREAM',
    flowers: 20,
    at: '2026-12-03T08:00:00.000Z',
    donor: commitment(hmac, salt, '01JEXAMPLEDONATION'),
  };

  it('writes a gift as canonical JSON with its keys in code-point order', () => {
    // Act
    const text = fromUtf8(entryBytes(gift));
    // Assert
    expect(text).toBe(
      `{"at":"2026-12-03T08:00:00.000Z","donor":"${gift.donor}","dream":"01JEXAMPLEDREAM","flowers":20,"kind":"dream_gift","ref":"01JEXAMPLEDONATION","v":1}`,
    );
    expect(parseEntry(text)).toEqual(gift);
  });

  it('commits to the donor as the lowercase hex HMAC-SHA256 of the ref under the entry’s own salt', () => {
    expect(gift.donor).toBe(createHmac('sha256', salt).update('01JEXAMPLEDONATION').digest('hex'));
    expect(commitment(hmac, salt, 'another ref')).not.toBe(gift.donor);
    expect(
      commitment(
        hmac,
        salt.map((b) => b ^ 1),
        gift.ref,
      ),
    ).not.toBe(gift.donor);
    expect(entryCommitment(gift)).toBe(gift.donor);
  });

  it('reads back only canonical entries of known kinds', () => {
    expect(parseEntry('{"v":1,"kind":"dream_gift","ref":"a","at":"b"}')).toBeUndefined();
    expect(parseEntry('{"at":"b","kind":"lottery","ref":"a","v":1}')).toBeUndefined();
    expect(parseEntry('not json')).toBeUndefined();
  });
});
