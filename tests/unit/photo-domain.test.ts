import { photoProblem, sniffImageType } from '../../functions/domain/photo';

const bytes = (...values: number[]) => Uint8Array.from([...values, ...new Array(Math.max(0, 12 - values.length)).fill(0)]);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const WEBP = bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50);
const GIF = bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61);
const HTML = Uint8Array.from(Buffer.from('<html><body>'));

describe('photos are sniffed from their first bytes, not taken from what the uploader said', () => {
  it('knows JPEG, PNG, WebP and GIF', () => {
    expect([JPEG, PNG, WEBP, GIF].map(sniffImageType)).toEqual(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);
  });

  it('refuses everything else, a RIFF that is not WebP included', () => {
    expect(sniffImageType(HTML)).toBeNull();
    expect(sniffImageType(bytes(0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45))).toBeNull();
    expect(sniffImageType(bytes())).toBeNull();
  });

  it('says why an object cannot be a photo: missing, someone else’s, empty, too big, not an image', () => {
    const max = 5 * 1024 * 1024;
    expect(photoProblem(null, 'u1', max)).toBe('missing');
    expect(photoProblem({ size: 10, head: JPEG, uploaderId: 'u2' }, 'u1', max)).toBe('not_yours');
    expect(photoProblem({ size: 0, head: JPEG, uploaderId: 'u1' }, 'u1', max)).toBe('empty');
    expect(photoProblem({ size: max + 1, head: JPEG, uploaderId: 'u1' }, 'u1', max)).toBe('too_big');
    expect(photoProblem({ size: 10, head: HTML, uploaderId: 'u1' }, 'u1', max)).toBe('not_an_image');
    expect(photoProblem({ size: max, head: PNG, uploaderId: 'u1' }, 'u1', max)).toBeNull();
  });
});
