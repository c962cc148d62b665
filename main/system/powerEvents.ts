// Waking the machine or unlocking the screen is when data is most likely stale (timers were
// paused in sleep): poll then instead of waiting out the remaining interval.
import type { PowerMonitor } from 'electron';

export function pollOnWake(powerMonitor: Pick<PowerMonitor, 'on' | 'off'>, pollNow: () => unknown): () => void {
  const poll = () => {
    void Promise.resolve(pollNow()).catch(() => {});
  };
  powerMonitor.on('resume', poll);
  powerMonitor.on('unlock-screen', poll);
  return () => {
    powerMonitor.off('resume', poll);
    powerMonitor.off('unlock-screen', poll);
  };
}
