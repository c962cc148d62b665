/** Epoch milliseconds. Injected everywhere so tests and the simulator share one clock. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
