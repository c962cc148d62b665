// Pixel-exact image comparison that says where images differ (a deep equality of two typed arrays
// is slow and its diff unreadable).
import type { RgbaImage } from '../../main/tray/icon/png';

/** null when `actual` and `expected` have the same size and bytes; else what differs, in one line. */
export function pixelDifference(actual: RgbaImage, expected: RgbaImage): string | null {
  if (actual.width !== expected.width || actual.height !== expected.height) {
    return `size ${actual.width}×${actual.height}, expected ${expected.width}×${expected.height}`;
  }
  if (Buffer.from(actual.data).equals(Buffer.from(expected.data))) return null;
  let first: string | null = null;
  let count = 0;
  for (let i = 0; i < actual.data.length; i += 4) {
    const a = actual.data.subarray(i, i + 4).join(',');
    const e = expected.data.subarray(i, i + 4).join(',');
    if (a === e) continue;
    count += 1;
    const pixel = i / 4;
    first ??= `(${pixel % actual.width}, ${Math.floor(pixel / actual.width)}) is rgba(${a}), expected rgba(${e})`;
  }
  return `${count} pixel(s) differ; the first: ${first}`;
}
