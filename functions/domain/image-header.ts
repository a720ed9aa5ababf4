/**
 * Image headers decoded far enough to know the bytes are that image, not just its magic number
 * followed by anything (a GIF signature and then HTML is not a GIF). Each decoder walks the format's
 * own structure up to the first frame: where it stops short, or a length or checksum is wrong, the
 * answer is no.
 */

/** JPEG: SOI, then well-formed marker segments up to a frame header (SOF) that names a real frame. */
export function isJpeg(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return false;
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return false;
    while (bytes[at] === 0xff) at++; // fill bytes before a marker
    const marker = bytes[at++];
    if (marker === undefined) return false;
    if (marker === 0x01) continue; // TEM: no segment
    // A second SOI, an end, scan data or a restart before any frame: not a JPEG's header.
    if (marker === 0x00 || marker === 0xd8 || marker === 0xd9 || marker === 0xda || (marker >= 0xd0 && marker <= 0xd7)) return false;
    if (at + 1 >= bytes.length) return false;
    const length = (bytes[at] << 8) | bytes[at + 1];
    if (length < 2 || at + length > bytes.length) return false;
    if (isStartOfFrame(marker)) return validFrameHeader(bytes.subarray(at, at + length));
    at += length;
  }
  return false;
}

function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function validFrameHeader(segment: Uint8Array): boolean {
  const [precision, , , widthHigh, widthLow, components] = segment.subarray(2);
  const width = (widthHigh << 8) | widthLow;
  return (precision === 8 || precision === 12 || precision === 16) && width > 0 && components >= 1 && components <= 4 && segment.length === 8 + 3 * components;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Bit depths each PNG colour type allows. */
const PNG_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/** PNG: the signature, then an IHDR chunk of 13 bytes with sane fields and a matching CRC. */
export function isPng(bytes: Uint8Array): boolean {
  if (bytes.length < 33 || !PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(8) !== 13 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return false;
  const [width, height] = [view.getUint32(16), view.getUint32(20)];
  const [depth, colourType, compression, filter, interlace] = bytes.subarray(24, 29);
  const fieldsValid =
    width > 0 &&
    height > 0 &&
    width < 2 ** 31 &&
    height < 2 ** 31 &&
    (PNG_DEPTHS[colourType] ?? []).includes(depth) &&
    compression === 0 &&
    filter === 0 &&
    interlace <= 1;
  return fieldsValid && crc32(bytes.subarray(12, 29)) === view.getUint32(29);
}

/** GIF: signature, logical screen descriptor, colour table, then extension blocks up to an image descriptor. */
export function isGif(bytes: Uint8Array): boolean {
  const signature = String.fromCharCode(...bytes.subarray(0, 6));
  if (signature !== 'GIF87a' && signature !== 'GIF89a') return false;
  if (bytes.length < 13) return false;
  const packed = bytes[10];
  let at = 13 + colourTableBytes(packed);
  while (at < bytes.length) {
    const introducer = bytes[at];
    if (introducer === 0x2c) return validImageDescriptor(bytes, at);
    if (introducer !== 0x21 || at + 1 >= bytes.length) return false; // a trailer (no image) or anything else
    at = afterSubBlocks(bytes, at + 2);
    if (at < 0) return false;
  }
  return false;
}

function colourTableBytes(packed: number): number {
  return packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0;
}

/** Where the data sub-blocks starting at `at` end (after their zero terminator), or -1 when cut short. */
function afterSubBlocks(bytes: Uint8Array, at: number): number {
  while (at < bytes.length) {
    const size = bytes[at];
    at += 1 + size;
    if (size === 0) return at;
  }
  return -1;
}

function validImageDescriptor(bytes: Uint8Array, at: number): boolean {
  if (at + 10 >= bytes.length) return false;
  const width = bytes[at + 5] | (bytes[at + 6] << 8);
  const height = bytes[at + 7] | (bytes[at + 8] << 8);
  const dataAt = at + 10 + colourTableBytes(bytes[at + 9]);
  const minimumCodeSize = bytes[dataAt];
  return width > 0 && height > 0 && minimumCodeSize >= 2 && minimumCodeSize <= 8 && bytes[dataAt + 1] !== undefined;
}

/** WebP: RIFF…WEBP, then a first chunk of a kind WebP has, with its bitstream's own signature. */
export function isWebp(bytes: Uint8Array): boolean {
  const text = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (text(0, 4) !== 'RIFF' || text(8, 12) !== 'WEBP') return false;
  const chunk = text(12, 16);
  if (chunk === 'VP8 ') return bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a;
  if (chunk === 'VP8L') return bytes[20] === 0x2f;
  return chunk === 'VP8X' && bytes.length >= 30;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (ISO 3309), as PNG chunks carry it. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
