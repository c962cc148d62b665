// Which image the tray shows: the plain icon from build/tray, or the goal ring drawn for this
// state (icon/ringIcon.ts) at the sizes each platform's tray really uses:
// - macOS: 16 pt, as the plain template (16/32 px), both in one NSImage (Retina picks 2×); a
//   template image, black and alpha only, which the menu bar tints (docs/api/native-image.md,
//   "Template Image").
// - Linux: 22 px, the usual StatusNotifier panel size and the plain tray.png's. Chromium sends the
//   1× bitmap only (status_icon_linux_dbus.cc MakeDbusImage reads image.bitmap()) and hosts scale it;
//   the 2× (44 px) is added all the same.
// - Windows: the tray's HICON is made from the image's 1× bitmap whatever its size
//   (electron_api_native_image.cc GetHICON: CreateHICONFromSkBitmap(image_.AsBitmap()), called
//   with SM_CXSMICON by Tray::SetImage), so the 1× is drawn at the small-icon size of the display's
//   scale (16 px at 100 %, 24 at 150 %, 32 at 200 %) rather than stretched from 16; 2× is 32 px.
// Each representation is a PNG, which createFromBuffer / addRepresentation decode the same on
// every platform (toBitmap's raw layout is platform-dependent: docs/api/native-image.md).
import { nativeImage, type NativeImage } from 'electron';
import type { GlanceView } from '../../core/domain';
import { encodePng } from './icon/png';
import { ringFace, ringIcon, type RingFace, type RingLook } from './icon/ringIcon';

/** One representation: its pixels per side and the scale factor it is for. */
export interface IconSize {
  pixels: number;
  scaleFactor: number;
}

/** The theme facts the look depends on (Electron's nativeTheme). */
export interface ThemeFacts {
  shouldUseDarkColors: boolean;
  /** Windows: the taskbar's own light or dark mode (docs/api/native-theme.md). */
  shouldUseDarkColorsForSystemIntegratedUI: boolean;
}

const POINTS: Partial<Record<NodeJS.Platform, number>> = { darwin: 16, linux: 22, win32: 16 };
const DEFAULT_POINTS = 22; // other Unixes draw StatusNotifier icons as Linux does

export function ringSizes(platform: NodeJS.Platform, displayScale: number): IconSize[] {
  const points = POINTS[platform] ?? DEFAULT_POINTS;
  const first = platform === 'win32' ? Math.round(points * Math.max(1, displayScale)) : points;
  return [
    { pixels: first, scaleFactor: 1 },
    { pixels: points * 2, scaleFactor: 2 },
  ];
}

/** Template on macOS; elsewhere the panel's shade: the taskbar's mode on Windows, the theme's on Linux. */
export function ringLook(platform: NodeJS.Platform, theme: ThemeFacts): RingLook {
  if (platform === 'darwin') return 'template';
  const dark = platform === 'win32' ? theme.shouldUseDarkColorsForSystemIntegratedUI : theme.shouldUseDarkColors;
  return dark ? 'dark' : 'light';
}

export interface TrayIconChoice {
  /** Equal keys draw the same image: the tray's image is replaced only when the key changes. */
  key: string;
  build(): NativeImage;
}

export interface TrayIconInputs {
  ring: GlanceView['ring'];
  platform: NodeJS.Platform;
  plainIconPath: string;
  theme: ThemeFacts;
  /** The primary display's scale factor (Windows' small-icon size follows it). */
  displayScale: number;
}

export function plainIcon(iconPath: string, platform: NodeJS.Platform): NativeImage {
  const image = nativeImage.createFromPath(iconPath);
  // macOS draws template images in the menu bar's colour (light and dark menu bars).
  if (platform === 'darwin') image.setTemplateImage(true);
  return image;
}

export function ringImage(face: RingFace, look: RingLook, sizes: readonly IconSize[], platform: NodeJS.Platform): NativeImage {
  const [first, ...more] = sizes.map((size) => ({ ...size, png: encodePng(ringIcon(face, look, size.pixels)) }));
  const image = nativeImage.createFromBuffer(first!.png, { scaleFactor: first!.scaleFactor });
  for (const size of more) image.addRepresentation({ scaleFactor: size.scaleFactor, buffer: size.png });
  if (platform === 'darwin') image.setTemplateImage(true);
  return image;
}

export function trayIconChoice(inputs: TrayIconInputs): TrayIconChoice {
  const face = inputs.ring ? ringFace(inputs.ring) : null;
  if (!face) return { key: 'plain', build: () => plainIcon(inputs.plainIconPath, inputs.platform) };
  const look = ringLook(inputs.platform, inputs.theme);
  const sizes = ringSizes(inputs.platform, inputs.displayScale);
  return {
    key: `ring:${look}:${face.status}:${face.percent}:${sizes.map((size) => size.pixels).join('/')}`,
    build: () => ringImage(face, look, sizes, inputs.platform),
  };
}
