// One holder at a time, across processes, for a named file in the settings folder: the app and any
// number of `pacebar` commands share the keychain record and the files there. proper-lockfile
// takes the lock by creating NAME.lock atomically (mkdir), keeps its mtime fresh while held, and
// treats a lock left older than `staleMs` (its holder died) as free. Used around the token refresh;
// any other file in the folder (an activity history, say) can be locked the same way.
import { join } from 'node:path';
import { ConfigFolderError, TimeoutError } from '../errors';

export interface FolderLock {
  /**
   * Runs `work` while holding the lock called `name`. Waits while another process holds it, until
   * `signal` aborts (then TimeoutError); the lock is released whatever `work` does.
   */
  withLock<T>(name: string, work: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Runs `work` under the lock if no other holder has it now; else answers { locked: false } at once. */
  tryWithLock<T>(name: string, work: () => Promise<T>): Promise<{ locked: true; value: T } | { locked: false }>;
}

export interface FolderLockOptions {
  /** A lock not refreshed for this long is taken over (proper-lockfile's `stale`, at least 2 s). */
  staleMs?: number;
  /** How long to wait before trying a held lock again (jittered, so waiters do not march in step). */
  pollMs?: number;
}

export const STALE_LOCK_MS = 10_000;
const POLL_MS = 15;

type Lockfile = typeof import('proper-lockfile');

// Loaded on the first lock: `pacebar status` from the cache never pays for it.
let lockfile: Promise<Lockfile> | null = null;
const loadLockfile = () => (lockfile ??= import('proper-lockfile').then((module) => ((module as { default?: Lockfile }).default ?? module) as Lockfile));

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new TimeoutError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new TimeoutError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function folderLock(folder: string, options: FolderLockOptions = {}): FolderLock {
  const staleMs = Math.max(2_000, options.staleMs ?? STALE_LOCK_MS);
  const pollMs = options.pollMs ?? POLL_MS;

  /** The release function; null when `once` and another process holds the lock. */
  async function acquire(name: string, signal: AbortSignal | undefined, once = false): Promise<(() => Promise<void>) | null> {
    const { lock } = await loadLockfile();
    const target = join(folder, name);
    for (;;) {
      if (signal?.aborted) throw new TimeoutError();
      try {
        return await lock(target, {
          lockfilePath: `${target}.lock`,
          // The target itself need not exist: the lock is the NAME.lock folder.
          realpath: false,
          stale: staleMs,
          update: Math.floor(staleMs / 2),
          retries: 0,
          // A holder whose lock was taken over (frozen past staleMs) just finishes: what it writes
          // is a complete record, and the next holder reads the keychain afresh anyway.
          onCompromised: () => {},
        });
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code;
        if (code !== 'ELOCKED') {
          throw new ConfigFolderError(folder, typeof code === 'string' && /^E[A-Z]{2,15}$/.test(code) ? code : undefined);
        }
        if (once) return null;
        await pause(pollMs / 2 + Math.random() * pollMs, signal);
      }
    }
  }

  return {
    async withLock(name, work, signal) {
      const release = (await acquire(name, signal))!;
      try {
        return await work();
      } finally {
        await release().catch(() => {});
      }
    },
    async tryWithLock(name, work) {
      const release = await acquire(name, undefined, true);
      if (!release) return { locked: false };
      try {
        return { locked: true, value: await work() };
      } finally {
        await release().catch(() => {});
      }
    },
  };
}

/** For a single process with no settings folder (unit tests, benchmarks): one holder at a time. */
export function processLock(): FolderLock {
  const tails = new Map<string, Promise<void>>();
  const held = new Set<string>();
  return {
    async tryWithLock(name, work) {
      if (held.has(name)) return { locked: false };
      held.add(name);
      try {
        return { locked: true, value: await this.withLock(name, work) };
      } finally {
        held.delete(name);
      }
    },
    async withLock(name, work) {
      const before = tails.get(name) ?? Promise.resolve();
      let done!: () => void;
      const mine = new Promise<void>((resolve) => (done = resolve));
      tails.set(name, before.then(() => mine));
      await before;
      try {
        return await work();
      } finally {
        done();
      }
    },
  };
}
