#!/usr/bin/env node
// Generates every icon Pacebar ships, from code: no image libraries, only zlib for PNG's deflate.
// Deterministic (same bytes on every run), so the outputs are committed and CI can diff them.
//   build/icon.png             512×512 app icon: orange rounded square, white "up" mark
//   build/icon.ico             Windows app/installer icon: 256 (PNG) + 48/32/16 (BMP) entries
//   build/tray/trayTemplate{,@2x}.png  macOS template images: black glyph, alpha only
//   build/tray/tray{,@2x}.png  Linux 22/44: small orange badge, readable on dark and light panels
//   build/tray/tray.ico        Windows tray: 16 + 32 badge
// Usage: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ORANGE = [0xfc, 0x4c, 0x02];
const WHITE = [0xff, 0xff, 0xff];
const BLACK = [0x00, 0x00, 0x00];

// --- geometry, in unit coordinates (0..1, y down) ---------------------------------------------
const segDist = (px, py, [ax, ay], [bx, by]) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};
// The mark: an upward chevron above a short bar ("pace going up"), drawn as round-capped strokes.
// `inset` shrinks it into a badge; `w` is the stroke width (thicker at tray sizes to stay legible).
function inGlyph(x, y, inset, w) {
  const s = (v) => inset + v * (1 - 2 * inset);
  const p = (u, v) => [s(u), s(v)];
  const strokes = [[p(0.14, 0.56), p(0.5, 0.2)], [p(0.5, 0.2), p(0.86, 0.56)], [p(0.24, 0.84375), p(0.76, 0.84375)]];
  return strokes.some(([a, b]) => segDist(x, y, a, b) <= (w * (1 - 2 * inset)) / 2);
}
function inRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r), cy = Math.min(Math.max(y, r), 1 - r);
  return x >= 0 && x <= 1 && y >= 0 && y <= 1 && Math.hypot(x - cx, y - cy) <= r;
}

// --- rasteriser: 4×4 supersampling gives anti-aliased edges, deterministically ----------------
const SS = 4;
function render(size, { badge, glyphColor, w }) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0, fg = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size, y = (py + (sy + 0.5) / SS) / size;
          const glyph = badge ? inGlyph(x, y, 0.22, w) : inGlyph(x, y, 0, w);
          if (glyph) fg++;
          else if (badge && inRoundedSquare(x, y, 0.22)) bg++;
        }
      }
      const n = SS * SS, a = fg + bg, i = (py * size + px) * 4;
      if (a === 0) continue;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round((fg * glyphColor[c] + bg * ORANGE[c]) / a);
      rgba[i + 3] = Math.round((255 * a) / n);
    }
  }
  return { size, rgba };
}

// --- encoders ----------------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png({ size, rgba }) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1)); // filter byte 0 per row
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
// Classic 32-bit DIB entry (BITMAPINFOHEADER, bottom-up BGRA, then a 1-bpp AND mask). Used for the
// small sizes because some consumers (older NSIS, LoadImage on old Windows) reject PNG entries there.
function bmp({ size, rgba }) {
  const maskRow = Math.ceil(size / 32) * 4;
  const out = Buffer.alloc(40 + size * size * 4 + maskRow * size);
  out.writeUInt32LE(40, 0);
  out.writeInt32LE(size, 4);
  out.writeInt32LE(size * 2, 8); // XOR + AND masks
  out.writeUInt16LE(1, 12);
  out.writeUInt16LE(32, 14);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const s = (y * size + x) * 4, d = 40 + ((size - 1 - y) * size + x) * 4;
      out.set([rgba[s + 2], rgba[s + 1], rgba[s], rgba[s + 3]], d);
    }
  }
  return out; // AND mask left all zero: the alpha channel decides
}
function ico(images) {
  const data = images.map((img) => (img.size >= 256 ? png(img) : bmp(img)));
  const head = Buffer.alloc(6 + 16 * images.length);
  head.writeUInt16LE(1, 2); // type 1 = icon
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  images.forEach(({ size }, i) => {
    const e = 6 + 16 * i;
    head[e] = head[e + 1] = size >= 256 ? 0 : size; // 0 means 256
    head.writeUInt16LE(1, e + 4); // planes
    head.writeUInt16LE(32, e + 6); // bits per pixel
    head.writeUInt32LE(data[i].length, e + 8);
    head.writeUInt32LE(offset, e + 12);
    offset += data[i].length;
  });
  return Buffer.concat([head, ...data]);
}

// --- outputs -----------------------------------------------------------------------------------
const app = (size) => render(size, { badge: true, glyphColor: WHITE, w: 0.16 });
const badge = (size) => render(size, { badge: true, glyphColor: WHITE, w: 0.2 });
const template = (size) => render(size, { badge: false, glyphColor: BLACK, w: 0.1875 });
const outputs = {
  'build/icon.png': png(app(512)),
  'build/icon.ico': ico([256, 48, 32, 16].map(app)),
  'build/tray/trayTemplate.png': png(template(16)),
  'build/tray/trayTemplate@2x.png': png(template(32)),
  'build/tray/tray.png': png(badge(22)),
  'build/tray/tray@2x.png': png(badge(44)),
  'build/tray/tray.ico': ico([16, 32].map(badge)),
};
for (const [rel, buf] of Object.entries(outputs)) {
  const file = join(ROOT, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, buf);
  console.log(`${rel} (${buf.length} bytes)`);
}
