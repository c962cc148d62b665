// The tray icon with the primary goal's progress: a ring around Pacebar's mark, filled clockwise
// from 12 o'clock by the share of the target done, with round caps so a little progress still
// shows. Three looks:
// - 'template' (macOS): black and alpha only, as the menu bar tints template images for light and
//   dark bars itself; the unfilled track is faint, the progress and the mark solid;
// - 'light' / 'dark' (Windows, Linux): the same layout with the mark in Strava orange and the
//   progress in the goal's status colour, for a light or a dark panel (each at least 3:1 against
//   it, WCAG 1.4.11). The orange badge of the plain icon does not fit inside a ring at 16 px: its
//   disc would leave the mark 7 px wide with 1.4 px strokes; on the panel itself it keeps 9 px.
import type { GoalStatus } from '../../../core/domain';
import { BLACK, STRAVA_ORANGE, markLayer, markReach, type Box } from './mark';
import type { RgbaImage } from './png';
import { rasterize, type Layer, type Rgba } from './raster';

export const RING_LOOKS = ['template', 'light', 'dark'] as const;
export type RingLook = (typeof RING_LOOKS)[number];

/** What the ring shows: GlanceView.ring with the fraction in whole percent (the re-render step). */
export interface RingFace {
  /** 0-100: the share of the target done, capped at the full ring. */
  percent: number;
  status: Exclude<GoalStatus, 'counting'>;
}

/** The ring's status colours for a panel of each shade (template: none, alpha carries progress). */
export const STATUS_COLORS: Record<'light' | 'dark', Record<RingFace['status'], Rgba>> = {
  // Darker tones on a light panel…
  light: { reached: [0x1a, 0x7f, 0x37, 255], ahead: [0x1a, 0x7f, 0x37, 255], on_pace: [0x1f, 0x23, 0x28, 255], behind: [0xcf, 0x22, 0x2e, 255] },
  // …lighter ones on a dark panel.
  dark: { reached: [0x3f, 0xb9, 0x50, 255], ahead: [0x3f, 0xb9, 0x50, 255], on_pace: [0xe6, 0xed, 0xf3, 255], behind: [0xff, 0x7b, 0x72, 255] },
};
/** The unfilled part of the ring. */
export const TRACK_COLORS: Record<RingLook, Rgba> = {
  template: [0, 0, 0, 77],
  light: [0x57, 0x60, 0x6a, 110],
  dark: [0xc9, 0xd1, 0xd9, 110],
};

/** Shares of the icon's side: a 2 px ring and a 1 px gap at 16 px, more at 2× in proportion. */
const RING_WIDTH = 0.125;
const GAP = 0.0625;
const SAMPLES = 8;
/** The mark's strokes, as in the plain template glyph and the badge. */
const TEMPLATE_MARK_WIDTH = 0.1875;
const MARK_WIDTH = 0.2;

const CENTRE = 0.5;
const OUTER = 0.5;
const INNER = OUTER - RING_WIDTH;
const MIDDLE = (OUTER + INNER) / 2;
/** What is left inside the ring for the mark. */
const CONTENT = INNER - GAP;

/** Clockwise from 12 o'clock, 0 to 1. */
function turnOf(x: number, y: number): number {
  const turn = Math.atan2(x - CENTRE, CENTRE - y) / (2 * Math.PI);
  return turn < 0 ? turn + 1 : turn;
}

function onRing(x: number, y: number): boolean {
  const dx = x - CENTRE;
  const dy = y - CENTRE;
  const squared = dx * dx + dy * dy;
  return squared >= INNER * INNER && squared <= OUTER * OUTER;
}

/** The centre of the ring's stroke at `turn`. */
function pointAt(turn: number): [number, number] {
  const angle = turn * 2 * Math.PI;
  return [CENTRE + MIDDLE * Math.sin(angle), CENTRE - MIDDLE * Math.cos(angle)];
}

/** The filled arc, 0 to `share` of a turn, with round caps; nothing at 0, the whole ring at 1. */
function progressCovers(share: number): (x: number, y: number) => boolean {
  if (share <= 0) return () => false;
  if (share >= 1) return onRing;
  const [startX, startY] = pointAt(0);
  const [endX, endY] = pointAt(share);
  const cap = (RING_WIDTH / 2) ** 2;
  const inCap = (x: number, y: number, cx: number, cy: number) => (x - cx) * (x - cx) + (y - cy) * (y - cy) <= cap;
  return (x, y) => (onRing(x, y) && turnOf(x, y) <= share) || inCap(x, y, startX, startY) || inCap(x, y, endX, endY);
}

/** The largest box about the centre whose mark (strokes included) fits inside a circle of `radius`. */
function markBox(radius: number, width: number): Box {
  const size = radius / markReach(width);
  return { left: CENTRE - size / 2, top: CENTRE - size / 2, size };
}

export function ringLayers(face: RingFace, look: RingLook): Layer[] {
  const share = Math.min(100, Math.max(0, face.percent)) / 100;
  const progress = progressCovers(share);
  const track: Layer = { color: TRACK_COLORS[look], covers: (x, y) => onRing(x, y) && !progress(x, y) };
  if (look === 'template') return [track, { color: BLACK, covers: progress }, markLayer(markBox(CONTENT, TEMPLATE_MARK_WIDTH), TEMPLATE_MARK_WIDTH, BLACK)];
  return [track, { color: STATUS_COLORS[look][face.status], covers: progress }, markLayer(markBox(CONTENT, MARK_WIDTH), MARK_WIDTH, STRAVA_ORANGE)];
}

/** The ring icon, `pixels` wide and high. */
export function ringIcon(face: RingFace, look: RingLook, pixels: number): RgbaImage {
  return rasterize(pixels, ringLayers(face, look), SAMPLES);
}

/** GlanceView.ring as the icon draws it: whole percent (so 1 % steps re-render, not every metre). */
export function ringFace(ring: { fraction: number; status: GoalStatus }): RingFace | null {
  if (ring.status === 'counting' || !Number.isFinite(ring.fraction)) return null;
  // Never a full ring before the goal is reached (99.6 % shows 99), always one once it is.
  const percent = ring.status === 'reached' ? 100 : Math.min(99, Math.max(0, Math.floor(ring.fraction * 100)));
  return { percent, status: ring.status };
}
