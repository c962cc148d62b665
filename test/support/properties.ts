// How deep fast-check properties run. `npm test` runs each property a number of times sized for a
// busy 2-core machine (chosen per property, so each stays far below the test timeout there);
// PACEBAR_DEEP_PROPERTIES=1 runs every property 10,000 times, with a test timeout to match.
//
//   it('…', propertyTest, () => { fc.assert(fc.property(…), runs(500)); });
import fc from 'fast-check';

/** True when PACEBAR_DEEP_PROPERTIES=1: every property runs DEEP_RUNS times. */
export const DEEP = process.env.PACEBAR_DEEP_PROPERTIES === '1';

export const DEEP_RUNS = 10_000;

/** A deep property may take 30–40 s on a busy 2-core machine: give it ample room. */
export const DEEP_TIMEOUT_MS = 10 * 60_000;

/** fast-check parameters: `numRuns` is `defaultRuns` in `npm test`, DEEP_RUNS in a deep run. */
export function runs(defaultRuns: number): { numRuns: number } {
  if (!Number.isSafeInteger(defaultRuns) || defaultRuns < 1) throw new RangeError(`runs needs a positive integer, got ${defaultRuns}`);
  return { numRuns: DEEP ? DEEP_RUNS : defaultRuns };
}

/** Options for a test that holds a property: the default test timeout, or DEEP_TIMEOUT_MS in a deep run. */
export const propertyTest: { timeout?: number } = DEEP ? { timeout: DEEP_TIMEOUT_MS } : {};

/** Any code point but a lone surrogate: what fc.string's 'binary' unit draws from. */
const codePoint = fc.integer({ min: 0, max: 0x10ffff - 0x800 }).map(
  (index) => String.fromCodePoint(index < 0xd800 ? index : index + 0x800),
  (value) => {
    const point = typeof value === 'string' ? value.codePointAt(0) : undefined;
    if (point === undefined || String.fromCodePoint(point) !== value || (point >= 0xd800 && point <= 0xdfff)) throw new Error('not a code point');
    return point < 0xd800 ? point : point - 0x800;
  },
);

/**
 * Strings of any code points, the same as fc.string({ unit: 'binary', ... }), without its set-up:
 * fast-check builds a map of all 1.1 million code points for that unit, about a second of CPU in every
 * test file that uses it (many seconds on a busy machine).
 */
export function anyString(constraints: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<string> {
  return fc.string({ ...constraints, unit: codePoint });
}
