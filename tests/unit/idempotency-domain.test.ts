import { parseIdempotencyKey, requestHash } from '../../functions/domain/idempotency';
import { ValidationError } from '../../functions/shared/errors';

describe('Idempotency-Key rules', () => {
  it.each(['a', 'x'.repeat(128), 'order 2026-11-25 #1', '~!@#$%^&*()'])('accepts %j', (key) => {
    expect(parseIdempotencyKey(key)).toBe(key);
  });
  it.each(['', 'x'.repeat(129), 'clé', 'tab\tkey', '换行'])('refuses %j', (key) => {
    expect(() => parseIdempotencyKey(key)).toThrow(ValidationError);
  });
  it('no header means no deduplication', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });
});

describe('requestHash', () => {
  it('equal JSON bodies hash equally whatever their key order', () => {
    expect(requestHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(requestHash({ b: { d: 'x', c: [1, 2] }, a: 1 }));
  });
  it('different bodies hash differently', () => {
    expect(requestHash({ flowers: 3 })).not.toBe(requestHash({ flowers: 4 }));
    expect(requestHash({ list: [1, 2] })).not.toBe(requestHash({ list: [2, 1] }));
  });
});
