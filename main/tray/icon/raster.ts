// A tiny deterministic rasteriser: shapes in unit coordinates (0..1, y down), painted in order,
// each sample taking the colour of the topmost shape that covers it. N×N supersampling per pixel
// gives anti-aliased edges with the same bytes on every machine (no floating-point blending beyond
// one rounding per channel).
import type { RgbaImage } from './png';

/** 0-255 each; alpha straight. */
export type Rgba = readonly [r: number, g: number, b: number, a: number];

export interface Layer {
  /** Whether the point (unit coordinates) is inside the shape. */
  covers(x: number, y: number): boolean;
  color: Rgba;
}

/** Samples per pixel along each axis: 4 is 16 coverage levels, 8 is 64. */
export function rasterize(size: number, layers: readonly Layer[], samples: number): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  const count = samples * samples;
  // Samples per layer in the pixel: the colour is then summed once per layer, not once per sample.
  const hits = new Array<number>(layers.length);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      hits.fill(0);
      for (let sy = 0; sy < samples; sy++) {
        const y = (py + (sy + 0.5) / samples) / size;
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          for (let i = layers.length - 1; i >= 0; i--) {
            if (layers[i]!.covers(x, y)) {
              hits[i]! += 1;
              break;
            }
          }
        }
      }
      // Premultiplied sums over the samples (alpha weights the colour), then straight alpha out.
      let red = 0;
      let green = 0;
      let blue = 0;
      let alpha = 0;
      for (let i = 0; i < layers.length; i++) {
        const n = hits[i]!;
        if (n === 0) continue;
        const [r, g, b, a] = layers[i]!.color;
        red += n * r * a;
        green += n * g * a;
        blue += n * b * a;
        alpha += n * a;
      }
      if (alpha === 0) continue;
      const i = (py * size + px) * 4;
      data[i] = Math.round(red / alpha);
      data[i + 1] = Math.round(green / alpha);
      data[i + 2] = Math.round(blue / alpha);
      data[i + 3] = Math.round(alpha / count);
    }
  }
  return { width: size, height: size, data };
}

/** A segment, ready for many distance queries (no arrays in the hot path: they cost an iterator each). */
export interface Segment {
  ax: number;
  ay: number;
  dx: number;
  dy: number;
}

export function segment([ax, ay]: readonly [number, number], [bx, by]: readonly [number, number]): Segment {
  return { ax, ay, dx: bx - ax, dy: by - ay };
}

/** Distance from (px, py) to the segment. */
export function segmentDistance(px: number, py: number, { ax, ay, dx, dy }: Segment): number {
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  const ex = px - (ax + t * dx);
  const ey = py - (ay + t * dy);
  return Math.sqrt(ex * ex + ey * ey);
}
