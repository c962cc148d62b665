import { describe, expect, it } from 'vitest';
import { BackfillScheduler, BUSY_RETRY_MS } from '../../../core/controller/backfillScheduler';
import type { StepOutcome } from '../../../core/sync/historyWalker';

/** Timers that only record what was armed. */
function recordingTimers() {
  const armed = new Map<number, number>();
  let next = 1;
  return {
    armed,
    timers: {
      setTimeout: (_callback: () => void, ms: number) => {
        armed.set(next, ms);
        return next++;
      },
      clearTimeout: (handle: unknown) => void armed.delete(handle as number),
    },
  };
}

/** A step that answers the given outcomes in turn; `finished` resolves once the last was answered. */
function scripted(outcomes: StepOutcome[]) {
  let calls = 0;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  return {
    calls: () => calls,
    finished,
    step: async (): Promise<StepOutcome> => {
      calls += 1;
      const outcome = outcomes.shift()!;
      if (outcomes.length === 0) queueMicrotask(finish);
      return outcome;
    },
  };
}

/** Lets the run's last step's outcome be handled (two microtask turns). */
const settled = () => Promise.resolve().then(() => Promise.resolve());

describe('BackfillScheduler', () => {
  it('takes steps one after another while they go, publishing each, then waits for the pacing reset', async () => {
    const { armed, timers } = recordingTimers();
    const script = scripted([
      { status: 'stepped', kind: 'backfill', walkDone: false },
      { status: 'stepped', kind: 'backfill', walkDone: true },
      { status: 'paced', retryAt: 1_000_000 + 600_000 },
    ]);
    let published = 0;
    const scheduler = new BackfillScheduler({ step: script.step, onStepped: () => void published++, clock: () => 1_000_000, timers });
    scheduler.kick();
    await script.finished;
    await settled();
    expect(script.calls()).toBe(3);
    expect(published).toBe(2);
    expect([...armed.values()]).toEqual([600_000]);
  });

  it('looks again later while another process walks, and takes no timer when idle (the next poll kicks)', async () => {
    const busy = recordingTimers();
    const busyScript = scripted([{ status: 'busy' }]);
    new BackfillScheduler({ step: busyScript.step, onStepped: () => {}, clock: () => 0, timers: busy.timers }).kick();
    await busyScript.finished;
    await settled();
    expect([...busy.armed.values()]).toEqual([BUSY_RETRY_MS]);
    const idle = recordingTimers();
    const idleScript = scripted([{ status: 'idle', dueAt: 5_000 }]);
    new BackfillScheduler({ step: idleScript.step, onStepped: () => {}, clock: () => 0, timers: idle.timers }).kick();
    await idleScript.finished;
    await settled();
    expect(idle.armed.size).toBe(0);
  });

  it('a failing step ends the run quietly (the next poll kicks again), and stop() waits for a step under way', async () => {
    let release: () => void = () => {};
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => (started = resolve));
    const order: string[] = [];
    const scheduler = new BackfillScheduler({
      step: () => {
        started();
        return new Promise<StepOutcome>((resolve) => (release = () => {
          order.push('step done');
          resolve({ status: 'idle', dueAt: null });
        }));
      },
      onStepped: () => {},
      clock: () => 0,
      timers: recordingTimers().timers,
    });
    scheduler.kick();
    await running;
    const stopped = scheduler.stop().then(() => order.push('stopped'));
    release();
    await stopped;
    expect(order).toEqual(['step done', 'stopped']);
    const failing = new BackfillScheduler({ step: async () => Promise.reject(new Error('offline')), onStepped: () => {}, clock: () => 0, timers: recordingTimers().timers });
    failing.kick();
    await failing.stop();
  });
});
