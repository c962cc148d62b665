// The plain mark at every size Pacebar ships (scripts/make-icons.ts writes them to build/): the
// app icon, the tray's orange badge (Windows and Linux) and the macOS template glyph.
import { BLACK, STRAVA_ORANGE, WHITE, insetBox, markLayer, roundedSquareLayer } from './mark';
import type { RgbaImage } from './png';
import { rasterize } from './raster';

/** The build icons' supersampling; their committed bytes depend on it. */
const SAMPLES = 4;
/** The badge's corner radius and how far the mark sits inside it. */
const BADGE_RADIUS = 0.22;
const BADGE_INSET = 0.22;

/** The app icon: orange rounded square, white mark. */
export function appIcon(size: number): RgbaImage {
  return rasterize(size, [roundedSquareLayer(BADGE_RADIUS, STRAVA_ORANGE), markLayer(insetBox(BADGE_INSET), 0.16, WHITE)], SAMPLES);
}

/** The tray's badge off macOS: the same, with strokes thick enough for 16-22 px panels. */
export function trayBadge(size: number): RgbaImage {
  return rasterize(size, [roundedSquareLayer(BADGE_RADIUS, STRAVA_ORANGE), markLayer(insetBox(BADGE_INSET), 0.2, WHITE)], SAMPLES);
}

/** The macOS template glyph: black and alpha only; the menu bar tints it (NSImage isTemplate). */
export function trayTemplate(size: number): RgbaImage {
  return rasterize(size, [markLayer(insetBox(0), 0.1875, BLACK)], SAMPLES);
}
