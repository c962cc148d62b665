// undici, the engine's HTTP client, runs its headers and body timeouts on a clock of its own: "fast
// timers" that a real timer ticks about every half second, out of reach of vi.useFakeTimers. undici
// exports tick() from that module for tests. advanceUndiciClock() moves that clock on and fires every
// timeout that falls due, so a test of a timeout need not wait for one.
import { createRequire } from 'node:module';

const timers = createRequire(import.meta.url)('undici/lib/util/timers.js') as { tick?: (delay?: number) => void };
if (typeof timers.tick !== 'function') throw new Error("undici's lib/util/timers.js has no tick(): update test/support/undiciClock.ts");
const tick = timers.tick;

/** Fires every undici headers/body timeout that is due within `ms` from now. */
export function advanceUndiciClock(ms: number): void {
  // A timer armed (or refreshed) since the last tick only starts on the next one: tick twice.
  tick(ms + 1_000);
  tick(ms + 1_000);
}
