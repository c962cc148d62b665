// Generates every icon Pacebar ships, and the tray ring's golden images, from code
// (main/tray/icon/): no image libraries, only zlib for PNG's deflate. Deterministic (same bytes on
// every run with the same zlib), so the outputs are committed and CI can diff them.
//   build/icon.png             512×512 app icon: orange rounded square, white "up" mark
//   build/icon.ico             Windows app/installer icon: 256 (PNG) + 48/32/16 (BMP) entries
//   build/tray/trayTemplate{,@2x}.png  macOS template images: black glyph, alpha only
//   build/tray/tray{,@2x}.png  Linux 22/44: small orange badge, readable on dark and light panels
//   build/tray/tray.ico        Windows tray: 16 + 32 badge
//   test/main/tray/golden/ring-<look>-<percent>-<px>.png  the goal ring the tray draws per state
//     (template 16/32; light and dark at Windows' 16/32 and Linux's 22/44); the tests compare
//     the renderer's pixels with them, so a change to the drawing shows up in review.
// Usage: npm run icons
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appIcon, trayBadge, trayTemplate } from '../main/tray/icon/markIcons';
import { encodePng, type RgbaImage } from '../main/tray/icon/png';
import { ringIcon, type RingFace, type RingLook } from '../main/tray/icon/ringIcon';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GOLDEN_DIR = 'test/main/tray/golden';

// Classic 32-bit DIB entry (BITMAPINFOHEADER, bottom-up BGRA, then a 1-bpp AND mask). Used for the
// small sizes because some consumers (older NSIS, LoadImage on old Windows) reject PNG entries there.
function bmp({ width: size, data: rgba }: RgbaImage): Buffer {
  const maskRow = Math.ceil(size / 32) * 4;
  const out = Buffer.alloc(40 + size * size * 4 + maskRow * size);
  out.writeUInt32LE(40, 0);
  out.writeInt32LE(size, 4);
  out.writeInt32LE(size * 2, 8); // XOR + AND masks
  out.writeUInt16LE(1, 12);
  out.writeUInt16LE(32, 14);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const s = (y * size + x) * 4;
      const d = 40 + ((size - 1 - y) * size + x) * 4;
      out.set([rgba[s + 2]!, rgba[s + 1]!, rgba[s]!, rgba[s + 3]!], d);
    }
  }
  return out; // AND mask left all zero: the alpha channel decides
}

function ico(images: RgbaImage[]): Buffer {
  const data = images.map((image) => (image.width >= 256 ? encodePng(image) : bmp(image)));
  const head = Buffer.alloc(6 + 16 * images.length);
  head.writeUInt16LE(1, 2); // type 1 = icon
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  images.forEach(({ width: size }, i) => {
    const e = 6 + 16 * i;
    head[e] = head[e + 1] = size >= 256 ? 0 : size; // 0 means 256
    head.writeUInt16LE(1, e + 4); // planes
    head.writeUInt16LE(32, e + 6); // bits per pixel
    head.writeUInt32LE(data[i]!.length, e + 8);
    head.writeUInt32LE(offset, e + 12);
    offset += data[i]!.length;
  });
  return Buffer.concat([head, ...data]);
}

/** The goal ring at 0, 50 and 100 %, in each look at the sizes the tray uses it. */
const GOLDEN_FACES: RingFace[] = [
  { percent: 0, status: 'behind' },
  { percent: 50, status: 'ahead' },
  { percent: 100, status: 'reached' },
];
const GOLDEN_SIZES: Record<RingLook, number[]> = { template: [16, 32], light: [16, 32, 22, 44], dark: [16, 32, 22, 44] };

const outputs: Record<string, Buffer> = {
  'build/icon.png': encodePng(appIcon(512)),
  'build/icon.ico': ico([256, 48, 32, 16].map(appIcon)),
  'build/tray/trayTemplate.png': encodePng(trayTemplate(16)),
  'build/tray/trayTemplate@2x.png': encodePng(trayTemplate(32)),
  'build/tray/tray.png': encodePng(trayBadge(22)),
  'build/tray/tray@2x.png': encodePng(trayBadge(44)),
  'build/tray/tray.ico': ico([16, 32].map(trayBadge)),
};
for (const [look, sizes] of Object.entries(GOLDEN_SIZES) as [RingLook, number[]][]) {
  for (const face of GOLDEN_FACES) {
    for (const pixels of sizes) outputs[`${GOLDEN_DIR}/ring-${look}-${face.percent}-${pixels}.png`] = encodePng(ringIcon(face, look, pixels));
  }
}

// Goldens no longer made are removed, so the folder holds exactly what the drawing makes.
mkdirSync(join(ROOT, GOLDEN_DIR), { recursive: true });
for (const name of readdirSync(join(ROOT, GOLDEN_DIR))) {
  if (!(`${GOLDEN_DIR}/${name}` in outputs)) rmSync(join(ROOT, GOLDEN_DIR, name));
}
for (const [rel, buf] of Object.entries(outputs)) {
  const file = join(ROOT, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, buf);
  console.log(`${rel} (${buf.length} bytes)`);
}
