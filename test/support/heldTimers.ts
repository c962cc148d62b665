// Timers for StravaHttp (core/clock.ts Timers) that run as the system's do, but can also be fired
// now: a test of a timeout fires it instead of waiting for it.
import { systemTimers, type Timers } from '../../core/clock';

export interface HeldTimers extends Timers {
  /** Timers set and not yet run or cleared. */
  pending(): number;
  /** Their delays (ms), in the order they were set. */
  delays(): number[];
  /** Runs every pending timer now, as if its time had come; returns how many ran. */
  fireAll(): number;
}

export function heldTimers(): HeldTimers {
  const pending = new Map<object, { callback: () => void; real: unknown; ms: number }>();
  return {
    setTimeout(callback, ms) {
      const handle = {};
      const real = systemTimers.setTimeout(() => {
        pending.delete(handle);
        callback();
      }, ms);
      pending.set(handle, { callback, real, ms });
      return handle;
    },
    clearTimeout(handle) {
      const entry = pending.get(handle as object);
      if (!entry) return;
      systemTimers.clearTimeout(entry.real);
      pending.delete(handle as object);
    },
    pending: () => pending.size,
    delays: () => [...pending.values()].map((entry) => entry.ms),
    fireAll() {
      const due = [...pending.values()];
      pending.clear();
      for (const entry of due) {
        systemTimers.clearTimeout(entry.real);
        entry.callback();
      }
      return due.length;
    },
  };
}
