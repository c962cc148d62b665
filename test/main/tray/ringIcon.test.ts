import { readFileSync, readdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PNG_SIGNATURE, decodePng, encodePng, pngChunk, PngFormatError, type RgbaImage } from '../../../main/tray/icon/png';
import { RING_LOOKS, STATUS_COLORS, ringFace, ringIcon, type RingFace, type RingLook } from '../../../main/tray/icon/ringIcon';
import { STRAVA_ORANGE } from '../../../main/tray/icon/mark';
import { trayBadge, trayTemplate } from '../../../main/tray/icon/markIcons';
import type { Rgba } from '../../../main/tray/icon/raster';
import { pixelDifference } from '../../support/pixels';

const GOLDEN = new URL('./golden/', import.meta.url);
const BUILD_TRAY = new URL('../../../build/tray/', import.meta.url);
const read = (base: URL, name: string) => decodePng(readFileSync(new URL(name, base)));

/** The goldens npm run icons writes: the three faces in each look, at the tray's 1× and 2× sizes. */
const FACES: RingFace[] = [
  { percent: 0, status: 'behind' },
  { percent: 50, status: 'ahead' },
  { percent: 100, status: 'reached' },
];
const SIZES: Record<RingLook, number[]> = { template: [16, 32], light: [16, 32, 22, 44], dark: [16, 32, 22, 44] };
const GOLDENS = RING_LOOKS.flatMap((look) => FACES.flatMap((face) => SIZES[look].map((pixels) => ({ look, face, pixels, name: `ring-${look}-${face.percent}-${pixels}.png` }))));

const alphaAt = (image: RgbaImage, x: number, y: number) => image.data[(y * image.width + x) * 4 + 3]!;

describe('the goal ring', () => {
  it('draws exactly the golden images (0, 50, 100 %; template, light, dark; 1× and 2×), and the folder holds no others', () => {
    expect(readdirSync(GOLDEN).sort()).toEqual(GOLDENS.map((golden) => golden.name).sort());
    const differences = GOLDENS.flatMap(({ look, face, pixels, name }) => {
      const difference = pixelDifference(ringIcon(face, look, pixels), read(GOLDEN, name));
      return difference ? [`${name}: ${difference}`] : [];
    });
    expect(differences).toEqual([]);
  });

  it('template images are black with alpha only (macOS tints them)', () => {
    for (const face of FACES) {
      const image = ringIcon(face, 'template', 32);
      const coloured = [...image.data].filter((value, index) => index % 4 !== 3 && value !== 0);
      expect(coloured).toEqual([]);
    }
  });

  it('fills clockwise from 12 o\'clock: a quarter covers the top right only, more progress covers more', () => {
    const size = 32;
    // The ring's middle, at 1:30, 4:30, 7:30 and 10:30.
    const probe = (image: RgbaImage) => {
      const r = size * (0.5 - 0.125 / 2);
      return [1, 3, 5, 7].map((eighth) => {
        const angle = (eighth * Math.PI) / 4;
        return alphaAt(image, Math.floor(size / 2 + r * Math.sin(angle)), Math.floor(size / 2 - r * Math.cos(angle)));
      });
    };
    const track = probe(ringIcon({ percent: 0, status: 'behind' }, 'template', size))[0]!;
    expect(track).toBeGreaterThan(0);
    expect(track).toBeLessThan(255);
    expect(probe(ringIcon({ percent: 25, status: 'behind' }, 'template', size))).toEqual([255, track, track, track]);
    expect(probe(ringIcon({ percent: 75, status: 'behind' }, 'template', size))).toEqual([255, 255, 255, track]);
    expect(probe(ringIcon({ percent: 100, status: 'reached' }, 'template', size))).toEqual([255, 255, 255, 255]);
    const solid = (percent: number) => [...ringIcon({ percent, status: 'ahead' }, 'template', size).data].filter((value, index) => index % 4 === 3 && value === 255).length;
    expect(solid(10)).toBeLessThan(solid(40));
    expect(solid(40)).toBeLessThan(solid(70));
  });

  it('a little progress still shows (round caps), none shows nothing', () => {
    const at = (percent: number) => ringIcon({ percent, status: 'behind' }, 'light', 16);
    expect(pixelDifference(at(1), at(0))).not.toBeNull();
  });

  it('status colours and the orange mark keep 3:1 against their panel (WCAG 1.4.11), light and dark', () => {
    const luminance = ([r, g, b]: Rgba) => {
      const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const contrast = (a: Rgba, b: Rgba) => {
      const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (high + 0.05) / (low + 0.05);
    };
    const panels: Record<'light' | 'dark', Rgba[]> = {
      light: [[255, 255, 255, 255], [0xf3, 0xf3, 0xf3, 255]],
      dark: [[0, 0, 0, 255], [0x30, 0x30, 0x30, 255]],
    };
    const weak = (['light', 'dark'] as const).flatMap((look) =>
      panels[look].flatMap((panel) =>
        [...Object.entries(STATUS_COLORS[look]), ['mark', STRAVA_ORANGE] as const].flatMap(([name, colour]) =>
          contrast(colour, panel) >= 3 ? [] : [`${look} ${name} on ${panel.slice(0, 3).join(',')}: ${contrast(colour, panel).toFixed(2)}`],
        ),
      ),
    );
    expect(weak).toEqual([]);
  });

  it('ring faces: whole percent down, never full before reached, full once reached; nothing while counting', () => {
    expect(ringFace({ fraction: 0.613, status: 'ahead' })).toEqual({ percent: 61, status: 'ahead' });
    expect(ringFace({ fraction: 0.999, status: 'on_pace' })).toEqual({ percent: 99, status: 'on_pace' });
    expect(ringFace({ fraction: 1.4, status: 'reached' })).toEqual({ percent: 100, status: 'reached' });
    expect(ringFace({ fraction: -0.2, status: 'behind' })).toEqual({ percent: 0, status: 'behind' });
    expect(ringFace({ fraction: 0, status: 'counting' })).toBeNull();
    expect(ringFace({ fraction: Number.NaN, status: 'behind' })).toBeNull();
  });
});

describe('the plain tray icons', () => {
  it('build/tray holds what the mark draws (npm run icons reproduces them)', () => {
    expect(pixelDifference(trayBadge(22), read(BUILD_TRAY, 'tray.png'))).toBeNull();
    expect(pixelDifference(trayBadge(44), read(BUILD_TRAY, 'tray@2x.png'))).toBeNull();
    expect(pixelDifference(trayTemplate(16), read(BUILD_TRAY, 'trayTemplate.png'))).toBeNull();
    expect(pixelDifference(trayTemplate(32), read(BUILD_TRAY, 'trayTemplate@2x.png'))).toBeNull();
  });
});

describe('PNG', () => {
  const image: RgbaImage = { width: 3, height: 2, data: Uint8Array.from({ length: 24 }, (_, i) => (i * 37) % 256) };

  it('round-trips 8-bit RGBA', () => {
    expect(pixelDifference(decodePng(encodePng(image)), image)).toBeNull();
  });

  it('reads every row filter (a golden re-saved by another tool compares by its pixels)', () => {
    // Rows filtered by hand: row 0 with Sub, row 1 with Paeth.
    const stride = 12;
    const px = (y: number, x: number) => (x < 0 || y < 0 ? 0 : image.data[y * stride + x]!);
    const paeth = (a: number, b: number, c: number) => {
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    };
    const rows = [
      [1, ...Array.from({ length: stride }, (_, x) => (px(0, x) - px(0, x - 4) + 256) % 256)],
      [4, ...Array.from({ length: stride }, (_, x) => (px(1, x) - paeth(px(1, x - 4), px(0, x), px(0, x - 4)) + 256) % 256)],
    ];
    const header = encodePng(image).subarray(8, 8 + 25); // the IHDR chunk, as it is
    const filtered = Buffer.concat([PNG_SIGNATURE, header, pngChunk('IDAT', deflateSync(Buffer.from(rows.flat()))), pngChunk('IEND', new Uint8Array(0))]);
    expect(pixelDifference(decodePng(filtered), image)).toBeNull();
  });

  it('refuses what is not a PNG it can read, in one line', () => {
    expect(() => decodePng(Buffer.from('GIF89a'))).toThrow(new PngFormatError('no PNG signature'));
    const broken = encodePng(image);
    const inHeader = broken.indexOf('IHDR') + 6;
    broken[inHeader] = broken[inHeader]! ^ 0xff;
    expect(() => decodePng(broken)).toThrow("Not a PNG Pacebar can read: the IHDR chunk's checksum is wrong.");
  });
});
