// A stand-in for electron-updater, for vi.mock('electron-updater', () => import('../fakes/electronUpdater')).
// Its updaters follow AppUpdater's sequence (node_modules/electron-updater/out/AppUpdater.js):
// checkForUpdates emits 'checking-for-update', then 'update-not-available' or 'update-available';
// with autoDownload the download starts and ends in 'update-downloaded'; every failure is emitted as
// 'error' and also rejects the promise it happened in. What happens next is scripted per updater.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import type { UpdateCheckResult, UpdateInfo } from 'electron-updater';

export type Outcome = { kind: 'none' } | { kind: 'update'; version: string; downloadError?: Error } | { kind: 'fail'; error: Error };

const info = (version: string): UpdateInfo => ({
  version,
  files: [{ url: `Pacebar-${version}.AppImage`, sha512: 'x', size: 1 }],
  path: `Pacebar-${version}.AppImage`,
  sha512: 'x',
  releaseDate: '2026-11-18T00:00:00.000Z',
});

export class FakeUpdater extends EventEmitter {
  static instances: FakeUpdater[] = [];
  private static checkWaiters: ((updater: FakeUpdater) => void)[] = [];
  /** Resolves when some updater's next check has emitted its events (what Pacebar reacts to). */
  static nextCheckDone(): Promise<FakeUpdater> {
    return new Promise((resolve) => FakeUpdater.checkWaiters.push(resolve));
  }
  private checkDone(): void {
    for (const resolve of FakeUpdater.checkWaiters.splice(0)) resolve(this);
  }
  readonly kind: string;
  autoDownload = true;
  autoInstallOnAppQuit = true;
  logger: unknown = console;
  /** What Pacebar must never set: it has no credentials for GitHub and needs none. */
  requestHeaders: Record<string, string> | null = null;
  addAuthHeader = vi.fn();
  /** What the next checks find, in order; the last one repeats. */
  outcomes: Outcome[] = [{ kind: 'none' }];
  checks = 0;
  downloads = 0;
  quitAndInstall = vi.fn((_isSilent?: boolean, _isForceRunAfter?: boolean) => {});
  /** Resolves when the download started by the last check has settled. */
  downloadSettled: Promise<void> = Promise.resolve();

  constructor(kind: string) {
    super();
    this.kind = kind;
    FakeUpdater.instances.push(this);
  }

  checkForUpdates = vi.fn(async (): Promise<UpdateCheckResult | null> => {
    const outcome = this.outcomes[Math.min(this.checks, this.outcomes.length - 1)]!;
    this.checks += 1;
    this.emit('checking-for-update');
    await Promise.resolve();
    if (outcome.kind === 'fail') {
      this.emit('error', outcome.error, `Cannot check for updates: ${outcome.error.stack}`);
      this.checkDone();
      throw outcome.error;
    }
    if (outcome.kind === 'none') {
      this.emit('update-not-available', info('0.1.0'));
      this.checkDone();
      return { isUpdateAvailable: false, updateInfo: info('0.1.0'), versionInfo: info('0.1.0') };
    }
    const found = info(outcome.version);
    this.emit('update-available', found);
    const downloadPromise = this.autoDownload ? this.download(found, outcome.downloadError) : null;
    this.checkDone();
    return { isUpdateAvailable: true, updateInfo: found, versionInfo: found, downloadPromise };
  });

  private download(found: UpdateInfo, error: Error | undefined): Promise<string[]> {
    this.downloads += 1;
    // Settled separately: a handler on the promise returned to Pacebar would hide an unhandled rejection.
    let settle!: () => void;
    this.downloadSettled = new Promise<void>((resolve) => (settle = resolve));
    return (async () => {
      await Promise.resolve();
      try {
        if (error) {
          this.emit('error', error, String(error.stack));
          throw error;
        }
        this.emit('update-downloaded', { ...found, downloadedFile: `/cache/${found.path}` });
        return [`/cache/${found.path}`];
      } finally {
        settle();
      }
    })();
  }
}

export class NsisUpdater extends FakeUpdater {
  constructor() {
    super('nsis');
  }
}
export class MacUpdater extends FakeUpdater {
  constructor() {
    super('mac');
  }
}
export class AppImageUpdater extends FakeUpdater {
  constructor() {
    super('appimage');
  }
}
export class DebUpdater extends FakeUpdater {
  constructor() {
    super('deb');
  }
}

export function resetUpdaterFakes(): void {
  FakeUpdater.instances = [];
}

// electron-updater is CommonJS: under ESM, Pacebar reads its classes from the module object (default).
export default { NsisUpdater, MacUpdater, AppImageUpdater, DebUpdater };
