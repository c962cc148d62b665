import type { SimClock } from './types';

function checkFinite(ms: number): void {
  if (!Number.isFinite(ms)) throw new RangeError(`sim clock needs a finite number of ms, got ${ms}`);
}

/** Frozen clock: time moves only through set/advance, so expiry and rate-limit windows are deterministic. */
export function createFrozenClock(initialMs: number): SimClock {
  checkFinite(initialMs);
  let current = initialMs;
  return {
    now: () => current,
    set(ms) {
      checkFinite(ms);
      current = ms;
    },
    advance(ms) {
      checkFinite(ms);
      current += ms;
    },
  };
}

/** Clock that follows real time from an offset (for the interactive demo), still settable by tests. */
export function createRealTimeClock(initialMs: number): SimClock {
  checkFinite(initialMs);
  let base = initialMs;
  let anchor = Date.now();
  return {
    now: () => base + (Date.now() - anchor),
    set(ms) {
      checkFinite(ms);
      base = ms;
      anchor = Date.now();
    },
    advance(ms) {
      checkFinite(ms);
      base += ms;
    },
  };
}
