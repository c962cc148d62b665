import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anyString } from './properties';

async function load(deep: string | undefined) {
  vi.resetModules();
  if (deep === undefined) vi.stubEnv('PACEBAR_DEEP_PROPERTIES', undefined);
  else vi.stubEnv('PACEBAR_DEEP_PROPERTIES', deep);
  return import('./properties');
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('property run counts', () => {
  it('npm test runs each property its own default number of times, within the default timeout', async () => {
    const properties = await load(undefined);
    expect(properties.DEEP).toBe(false);
    expect(properties.runs(300)).toEqual({ numRuns: 300 });
    expect(properties.runs(2_000)).toEqual({ numRuns: 2_000 });
    expect(properties.propertyTest).toEqual({});
  });

  it('PACEBAR_DEEP_PROPERTIES=1 raises every property to 10,000 runs, with a timeout to match', async () => {
    const properties = await load('1');
    expect(properties.DEEP).toBe(true);
    expect(properties.runs(300)).toEqual({ numRuns: 10_000 });
    expect(properties.runs(2_000)).toEqual({ numRuns: 10_000 });
    expect(properties.propertyTest.timeout).toBeGreaterThanOrEqual(5 * 60_000);
  });

  it('only "1" turns it on, and a run count must be a positive integer', async () => {
    for (const value of ['', '0', 'true', 'yes']) expect((await load(value)).runs(300)).toEqual({ numRuns: 300 });
    const properties = await load(undefined);
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => properties.runs(bad)).toThrow(RangeError);
  });
});

describe('anyString', () => {
  it('draws from every code point but lone surrogates, within the length asked for, like the binary unit', () => {
    const samples = fc.sample(anyString({ maxLength: 12 }), 2_000);
    const points = samples.flatMap((text) => [...text].map((char) => char.codePointAt(0)!));
    expect(samples.every((text) => [...text].length <= 12)).toBe(true);
    expect(points.some((point) => point >= 0xd800 && point <= 0xdfff)).toBe(false);
    expect(points.some((point) => point < 0x80)).toBe(true);
    expect(points.some((point) => point > 0xe000 && point <= 0xffff)).toBe(true);
    expect(points.some((point) => point > 0xffff)).toBe(true);
    expect(fc.sample(anyString({ minLength: 3, maxLength: 3 }), 50).every((text) => [...text].length === 3)).toBe(true);
  });
});
