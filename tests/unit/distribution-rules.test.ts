import {
  counterShardFor,
  distributionClosedMessage,
  isSuspiciousLocation,
  progressOf,
  recipientIdOf,
  signedAtProblem,
} from '../../functions/domain/distribution';
import { parseEntry, entryBytes } from '../../functions/domain/log-entries';
import { logEntryOf } from '../../functions/log/sources';

const NOW = new Date('2026-11-10T08:00:00.000Z');
const WINDOW = { signedAtMaxAheadSeconds: 300, signedAtMaxAgeDays: 7 };

describe('a sign-off’s time (signedAt)', () => {
  it.each([
    ['now', '2026-11-10T08:00:00.000Z'],
    ['five minutes ahead (a fast phone clock)', '2026-11-10T08:05:00.000Z'],
    ['seven days old (a week offline)', '2026-11-03T08:00:00.000Z'],
    ['with an offset', '2026-11-10T16:00:00+08:00'],
  ])('is accepted %s', (_, signedAt) => {
    expect(signedAtProblem(signedAt, NOW, WINDOW)).toBeNull();
  });

  it.each([
    ['more than five minutes ahead', '2026-11-10T08:05:01.000Z', /ahead/],
    ['more than seven days old', '2026-11-03T07:59:59.000Z', /old/],
  ])('is refused %s', (_, signedAt, why) => {
    expect(signedAtProblem(signedAt, NOW, WINDOW)).toMatch(why);
  });
});

describe('可疑 locations', () => {
  it('marks accuracy 0, a mocked fix and a fuzzy fix; a real fix and no location are not suspicious', () => {
    expect(isSuspiciousLocation({ accuracyM: 0 })).toBe(true);
    expect(isSuspiciousLocation({ accuracyM: 12, mocked: true })).toBe(true);
    expect(isSuspiciousLocation({ accuracyM: 1_500, fuzzy: true })).toBe(true);
    expect(isSuspiciousLocation({ accuracyM: 12, mocked: false, fuzzy: false })).toBe(false);
    expect(isSuspiciousLocation(undefined)).toBe(false);
  });
});

describe('progress and ids', () => {
  it('sums every counter item exactly', () => {
    const shards = [
      { index: 0, signedCount: 3, signedQuantity: 7, suspiciousCount: 1 },
      { index: 1, signedCount: 0, signedQuantity: 0, suspiciousCount: 0 },
      { index: 2, signedCount: 5, signedQuantity: 9, suspiciousCount: 2 },
    ];
    expect(progressOf(shards)).toEqual({ signedCount: 8, signedQuantity: 16, suspiciousCount: 3 });
  });

  it('numbers recipients in list order and picks a counter item within range', () => {
    expect(recipientIdOf(0)).toBe('r00001');
    expect(recipientIdOf(4_999)).toBe('r05000');
    expect(counterShardFor(8, () => 0)).toBe(0);
    expect(counterShardFor(8, () => 0.9999)).toBe(7);
  });
});

describe('the distribution_closed notification', () => {
  it('gives the signed and the total number of recipients', () => {
    const message = distributionClosedMessage(
      { id: 'X1', dreamId: 'D1', title: '冬衣发放', item: '冬衣', recipientCount: 200, closedAt: NOW.toISOString() },
      { signedCount: 134 },
      { title: '山区孩子过冬' },
    );
    expect(message.type).toBe('distribution_closed');
    expect(message.refId).toBe('X1');
    expect(message.body).toContain('200 位受助人中 134 位已签收');
  });
});

describe('a sign-off in the public log', () => {
  const item = {
    type: 'SIGNOFF',
    id: 'S01',
    distributionId: 'X1',
    dreamId: 'D1',
    recipientId: 'r00001',
    name: '张三丰',
    village: '石门村',
    quantity: 2,
    signedAt: '2026-11-10T07:59:00.000Z',
    signerId: 'U-charity',
    salt: 'ab'.repeat(32),
    recipientCommitment: 'cd'.repeat(32),
  };

  it('is appended once, when the sign-off is inserted, naming no one', () => {
    // Act
    const pending = logEntryOf({ eventName: 'INSERT', newImage: item, oldImage: null, sequenceNumber: '1' });
    // Assert
    expect(pending?.personId).toBeNull();
    const entry = pending!.entry(null);
    expect(entry).toEqual({ v: 1, kind: 'signoff', ref: 'S01', at: item.signedAt, distribution: 'X1', quantity: 2, recipient: 'cd'.repeat(32) });
    const text = new TextDecoder().decode(entryBytes(entry));
    for (const secret of ['张三丰', '石门村', 'r00001', 'U-charity', 'ab'.repeat(32)]) expect(text).not.toContain(secret);
    expect(parseEntry(text)).toEqual(entry);
    expect(logEntryOf({ eventName: 'MODIFY', newImage: item, oldImage: item, sequenceNumber: '2' })).toBeNull();
  });
});
