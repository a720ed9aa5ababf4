import { photoProblem, sniffImageType } from '../../functions/domain/photo';

const bytes = (...values: number[]) => Uint8Array.from([...values, ...new Array(Math.max(0, 12 - values.length)).fill(0)]);
const hex = (text: string) => Uint8Array.from(Buffer.from(text.replace(/\s/g, ''), 'hex'));
// Real headers, up to each format's first frame: JFIF, a quantization table, then the frame header.
const JPEG = hex(`ffd8 ffe0 0010 4a46494600 0101 00 0001 0001 0000 ffdb 0043 00 ${'01'.repeat(64)} ffc0 0011 08 0001 0001 03 012200 021101 031101`);
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
const WEBP = hex('52494646 1a000000 57454250 5650384c 0d000000 2f000000 10071011 8888fe07 00');
// GIF89a, a 1×1 screen with a two-colour table, a graphic control extension, then the image descriptor.
const GIF = hex('474946383961 0100 0100 80 00 00 000000 ffffff 21f904 0000000000 2c 00000000 01000100 00 02 024c01 00 3b');
const HTML = Uint8Array.from(Buffer.from('<html><body>'));

describe('photos are sniffed from their first bytes, not taken from what the uploader said', () => {
  it('knows JPEG, PNG, WebP and GIF', () => {
    expect([JPEG, PNG, WEBP, GIF].map(sniffImageType)).toEqual(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);
  });

  it('takes a GIF, PNG or JPEG signature followed by HTML for what it is: not an image', () => {
    // Arrange: each format's first bytes, then a page
    const page = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const gifThenHtml = Uint8Array.from(Buffer.concat([Buffer.from('GIF89a'), page]));
    const gifScreenThenHtml = Uint8Array.from(Buffer.concat([Buffer.from(GIF.subarray(0, 19)), page]));
    const pngThenHtml = Uint8Array.from(Buffer.concat([Buffer.from(PNG.subarray(0, 16)), page]));
    const pngWrongCrc = Uint8Array.from(PNG.map((byte, i) => (i === 32 ? byte ^ 1 : byte)));
    const jpegThenHtml = Uint8Array.from(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), page]));
    // Act
    const types = [gifThenHtml, gifScreenThenHtml, pngThenHtml, pngWrongCrc, jpegThenHtml].map(sniffImageType);
    // Assert
    expect(types).toEqual([null, null, null, null, null]);
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
