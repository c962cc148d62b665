// How deep fast-check properties run. `npm test` runs each property a number of times sized for a
// busy 2-core machine (chosen per property, so each stays far below the test timeout there);
// PACEBAR_DEEP_PROPERTIES=1 runs every property 10,000 times, with a test timeout to match.
//
//   it('…', propertyTest, () => { fc.assert(fc.property(…), runs(500)); });

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
