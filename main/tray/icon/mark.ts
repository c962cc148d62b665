// Pacebar's mark, as geometry: an upward chevron above a short bar ("pace going up"), drawn as
// round-capped strokes in a square box; and the rounded-square badge it sits on. Every icon Pacebar
// ships (scripts/make-icons.ts) and the tray's goal ring (ringIcon.ts) draw it from here.
import { segment, segmentDistance, type Layer, type Rgba } from './raster';

/** A square in unit coordinates. */
export interface Box {
  left: number;
  top: number;
  size: number;
}

/** The box `inset` from every edge of the unit square. */
export function insetBox(inset: number): Box {
  return { left: inset, top: inset, size: 1 - 2 * inset };
}

type Point = readonly [number, number];

/** The three strokes, in the box's own 0..1 coordinates. */
const STROKES: readonly (readonly [Point, Point])[] = [
  [[0.14, 0.56], [0.5, 0.2]],
  [[0.5, 0.2], [0.86, 0.56]],
  [[0.24, 0.84375], [0.76, 0.84375]],
];

/** The mark in `box`, its strokes `width` wide (a share of the box: thicker at tray sizes to stay legible). */
export function markLayer(box: Box, width: number, color: Rgba): Layer {
  const at = ([u, v]: Point): Point => [box.left + u * box.size, box.top + v * box.size];
  const [first, second, third] = STROKES.map(([a, b]) => segment(at(a), at(b))) as [ReturnType<typeof segment>, ReturnType<typeof segment>, ReturnType<typeof segment>];
  const half = (width * box.size) / 2;
  // Outside the box (plus half a stroke) nothing is covered: most samples stop there.
  const low = box.left - half;
  const high = box.left + box.size + half;
  const top = box.top - half;
  const bottom = box.top + box.size + half;
  return {
    color,
    covers: (x, y) =>
      x >= low && x <= high && y >= top && y <= bottom && (segmentDistance(x, y, first) <= half || segmentDistance(x, y, second) <= half || segmentDistance(x, y, third) <= half),
  };
}

/** How far the mark reaches from its box's centre, strokes `width` wide included, as a share of the box. */
export function markReach(width: number): number {
  const ends = STROKES.flat();
  return Math.max(...ends.map(([u, v]) => Math.sqrt((u - 0.5) ** 2 + (v - 0.5) ** 2))) + width / 2;
}

/** The unit square with corners of radius `radius`. */
export function roundedSquareLayer(radius: number, color: Rgba): Layer {
  return {
    color,
    covers: (x, y) => {
      const cx = Math.min(Math.max(x, radius), 1 - radius);
      const cy = Math.min(Math.max(y, radius), 1 - radius);
      return x >= 0 && x <= 1 && y >= 0 && y <= 1 && Math.sqrt((x - cx) ** 2 + (y - cy) ** 2) <= radius;
    },
  };
}

export const STRAVA_ORANGE: Rgba = [0xfc, 0x4c, 0x02, 255];
export const WHITE: Rgba = [0xff, 0xff, 0xff, 255];
export const BLACK: Rgba = [0x00, 0x00, 0x00, 255];
