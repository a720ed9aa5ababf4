import { ensureMayUpload, ensureOwnImage, imageChecked, imageShownTo, mayUpload } from '../../functions/domain/upload-purpose';
import type { UploadRecord } from '../../functions/domain/upload';

const upload = (over: Partial<UploadRecord> = {}): UploadRecord => ({
  id: 'u1',
  ownerId: 'alice',
  purpose: 'dream_cover',
  declaredType: 'image/png',
  createdAt: '2026-12-03T08:00:00.000Z',
  checked: { size: 68, type: 'image/png', at: '2026-12-03T08:00:01.000Z' },
  media: null,
  ...over,
});
const verdict = (value: 'pending' | 'pass' | 'risky' | 'review') => ({ media: { traceId: 't1', verdict: value, at: '2026-12-03T08:00:02.000Z' } });

describe('who may upload for which purpose', () => {
  it.each([
    ['letter_photo', ['donor'], false],
    ['letter_photo', ['donor', 'charity'], true],
    ['dream_cover', ['donor'], true],
    ['dream_cover', ['merchant'], false],
    ['avatar', [], true],
    ['avatar', ['worker'], true],
  ] as const)('%s with roles %j: %s', (purpose, roles, allowed) => {
    // Act + Assert
    expect(mayUpload(purpose, roles)).toBe(allowed);
  });

  it('refuses with 403 FORBIDDEN', () => {
    expect(() => ensureMayUpload('letter_photo', ['donor'])).toThrow(expect.objectContaining({ status: 403, code: 'FORBIDDEN' }));
  });
});

describe('an image a request names', () => {
  it('must be the caller’s own upload of the field’s purpose', () => {
    // Act + Assert
    expect(() => ensureOwnImage(undefined, 'alice', 'dream_cover', 'coverUploadId')).toThrow(
      expect.objectContaining({ status: 400, code: 'INVALID_PHOTO', details: [expect.objectContaining({ path: ['coverUploadId'], message: 'missing' })] }),
    );
    expect(() => ensureOwnImage(upload(), 'bob', 'dream_cover', 'coverUploadId')).toThrow(
      expect.objectContaining({ status: 400, details: [expect.objectContaining({ message: 'not_yours' })] }),
    );
    expect(() => ensureOwnImage(upload({ purpose: 'avatar' }), 'alice', 'dream_cover', 'coverUploadId')).toThrow(
      expect.objectContaining({ status: 400, details: [expect.objectContaining({ message: 'wrong_purpose' })] }),
    );
    expect(() => ensureOwnImage(upload(), 'alice', 'dream_cover', 'coverUploadId')).not.toThrow();
  });

  it('is refused with 409 CONTENT_UNSAFE once WeChat judged it risky; pending and review are taken', () => {
    expect(() => ensureOwnImage(upload(verdict('risky')), 'alice', 'dream_cover', 'coverUploadId')).toThrow(
      expect.objectContaining({ status: 409, code: 'CONTENT_UNSAFE' }),
    );
    expect(() => ensureOwnImage(upload(verdict('pending')), 'alice', 'dream_cover', 'coverUploadId')).not.toThrow();
    expect(() => ensureOwnImage(upload(verdict('review')), 'alice', 'dream_cover', 'coverUploadId')).not.toThrow();
  });
});

describe('who sees an image', () => {
  it.each([
    [null, 'alice', false, true],
    ['pending', 'alice', false, true],
    ['review', 'alice', false, true],
    ['risky', 'alice', false, false],
    ['pass', 'alice', true, true],
    [null, 'bob', false, false],
    ['pending', 'bob', false, false],
    ['review', 'bob', false, false],
    ['risky', 'bob', false, false],
    ['pass', 'bob', true, true],
    ['pending', null, false, false],
    ['pass', null, true, true],
  ] as const)('verdict %s, viewer %s: checked %s, shown %s', (value, viewer, checked, shown) => {
    // Arrange
    const image = upload(value ? verdict(value) : {});
    // Act + Assert
    expect(imageChecked(image)).toBe(checked);
    expect(imageShownTo(image, viewer)).toBe(shown);
  });
});
