/** Epoch milliseconds. Injected everywhere so tests and the simulator share one clock. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/**
 * setTimeout and clearTimeout, injected where a wait matters (the HTTP client's timeouts and
 * back-off), so a test fires a timeout instead of waiting for it.
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
