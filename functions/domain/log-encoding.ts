/**
 * Byte helpers for the public log, shared by the API and the app. The app runs in WeChat's
 * JavaScript engine, which has no Buffer and no atob/btoa in every base library version, so these
 * are plain functions over Uint8Array instead of Node's Buffer.
 */

/** SHA-256 as the caller provides it: node:crypto on the server, @noble/hashes on the phone. */
export type Sha256 = (data: Uint8Array) => Uint8Array;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((char, index) => [char, index]));

/** Standard base64 with padding (RFC 4648 §4), as signed notes and tiles specs use. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(triple >> 18) & 63] + B64[(triple >> 12) & 63];
    out += b === undefined ? '=' : B64[(triple >> 6) & 63];
    out += c === undefined ? '=' : B64[triple & 63];
  }
  return out;
}

/** Strict base64: refuses anything that `toBase64` would not have produced (no whitespace, right padding). */
export function fromBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let at = 0;
  for (let i = 0; i < text.length; i += 4) {
    let triple = 0;
    for (let j = 0; j < 4; j++) {
      const char = text[i + j];
      const isPad = char === '=' && i + 4 === text.length && j >= 4 - padding;
      const value = isPad ? 0 : B64_INDEX.get(char);
      if (value === undefined) return undefined;
      triple = (triple << 6) | value;
    }
    const bytes = [(triple >> 16) & 255, (triple >> 8) & 255, triple & 255];
    for (const byte of bytes) if (at < out.length) out[at++] = byte;
  }
  return toBase64(out) === text ? out : undefined;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function fromHex(text: string): Uint8Array | undefined {
  if (!/^(?:[0-9a-f]{2})*$/.test(text)) return undefined;
  return Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/** UTF-8 without TextEncoder, which older WeChat base libraries lack. */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return Uint8Array.from(out);
}

/** UTF-8 decoding for entries (valid UTF-8 only: the log writes nothing else). */
export function fromUtf8(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i];
    const extra = byte < 0x80 ? 0 : byte < 0xe0 ? 1 : byte < 0xf0 ? 2 : 3;
    let code = extra === 0 ? byte : byte & (0x3f >> extra);
    for (let j = 1; j <= extra; j++) code = (code << 6) | (bytes[i + j] & 63);
    out += String.fromCodePoint(code);
    i += extra + 1;
  }
  return out;
}

/** A big-endian unsigned 64-bit integer (cosignature timestamps); no BigInt, which older phones lack. */
export function uint64(value: number): Uint8Array {
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint32(0, Math.floor(value / 2 ** 32));
  view.setUint32(4, value % 2 ** 32);
  return out;
}

export function readUint64(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, 8);
  return view.getUint32(0) * 2 ** 32 + view.getUint32(4);
}
