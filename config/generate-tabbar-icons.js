// Draws the tab bar icons (app/assets/tabbar/*.png) without any image tooling:
// shapes are point-in-shape tests, 4x4 supersampled for smooth edges, written as RGBA PNGs.
// Run `node config/generate-tabbar-icons.js` after changing a shape or colour.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZE = 81; // WeChat recommends 81x81 px tab icons
const SS = 4;
const COLORS = { normal: [0xb8, 0xa6, 0xa4], active: [0xe6, 0x43, 0x40] };

const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
function inPolygon(x, y, pts) {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

// Coordinates in a 0..1 box.
const SHAPES = {
  home: (x, y) =>
    inPolygon(x, y, [
      [0.5, 0.1],
      [0.92, 0.48],
      [0.08, 0.48],
    ]) ||
    (inPolygon(x, y, [
      [0.2, 0.45],
      [0.8, 0.45],
      [0.8, 0.9],
      [0.2, 0.9],
    ]) &&
      !inPolygon(x, y, [
        [0.42, 0.62],
        [0.58, 0.62],
        [0.58, 0.9],
        [0.42, 0.9],
      ])),
  dreams: (x, y) => {
    const pts = [];
    for (let i = 0; i < 10; i++) {
      const r = i % 2 === 0 ? 0.44 : 0.19;
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      pts.push([0.5 + r * Math.cos(a), 0.54 + r * Math.sin(a)]);
    }
    return inPolygon(x, y, pts);
  },
  me: (x, y) => inCircle(x, y, 0.5, 0.32, 0.2) || (y <= 0.9 && y >= 0.58 && ((x - 0.5) / 0.38) ** 2 + ((y - 0.9) / 0.34) ** 2 <= 1),
};

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(shape, [r, g, b]) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let py = 0; py < SIZE; py++) {
    raw[py * (SIZE * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < SIZE; px++) {
      let hits = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          if (shape((px + (sx + 0.5) / SS) / SIZE, (py + (sy + 0.5) / SS) / SIZE)) hits++;
        }
      }
      const o = py * (SIZE * 4 + 1) + 1 + px * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((255 * hits) / (SS * SS));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = path.join(__dirname, '..', 'app', 'assets', 'tabbar');
fs.mkdirSync(outDir, { recursive: true });
for (const [name, shape] of Object.entries(SHAPES)) {
  fs.writeFileSync(path.join(outDir, `${name}.png`), png(shape, COLORS.normal));
  fs.writeFileSync(path.join(outDir, `${name}-active.png`), png(shape, COLORS.active));
}
console.log('tab bar icons written to', outDir);
