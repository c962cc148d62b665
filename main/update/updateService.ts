// The updater's state machine: checks at start and once a day, downloads in the background where
// this copy can install itself, and turns electron-updater's events into the one UpdateView the tray
// and the dashboard show. Installing waits for the person ("Update ready: restart to install", or the
// next time they quit). Errors become one line; nothing here ever opens a dialog.
import type { AppUpdater, Logger } from 'electron-updater';
import type { ManualUpdateReason, UpdateView } from '../../core/domain';
import { describeUpdateError } from './updateErrors';

/** The part of electron-updater's AppUpdater Pacebar uses (typed by electron-updater's own declarations). */
export type Updater = Pick<AppUpdater, 'autoDownload' | 'autoInstallOnAppQuit' | 'logger' | 'on' | 'checkForUpdates' | 'quitAndInstall'>;

export type UpdateStep = 'check' | 'download' | 'install';

export interface UpdateServiceDeps {
  updater: Updater;
  /** 'self': download and install; otherwise only learn that a version exists and say why it must be installed by hand. */
  install: 'self' | { manual: ManualUpdateReason };
  onChange(update: UpdateView): void;
  now?: () => number;
  /** Where the updater's own log lines go (one line each). */
  log?: (line: string) => void;
}

export const CHECK_EVERY_MS = 24 * 60 * 60_000;
const LOG_LINE_MAX = 300;

/** electron-updater's logger, cut to one line per message (its messages can hold whole feeds). */
export function oneLineLogger(log: (line: string) => void): Logger {
  const line = (level: string) => (message?: unknown) => {
    const first = String(message ?? '').split('\n', 1)[0] ?? '';
    log(`updater ${level}: ${first.length > LOG_LINE_MAX ? `${first.slice(0, LOG_LINE_MAX - 1)}…` : first}`);
  };
  return { info: line('info'), warn: line('warn'), error: line('error') };
}

export class UpdateService {
  private view: UpdateView = { kind: 'idle', checkedAt: null };
  private step: UpdateStep = 'check';
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly deps: UpdateServiceDeps) {
    const { updater } = deps;
    const selfInstall = deps.install === 'self';
    // A copy that cannot install an update must not fetch one either.
    updater.autoDownload = selfInstall;
    updater.autoInstallOnAppQuit = selfInstall;
    updater.logger = oneLineLogger(deps.log ?? ((line) => console.log(`Pacebar ${line}`)));
    updater.on('checking-for-update', () => this.enter('check', { kind: 'checking' }));
    updater.on('update-not-available', () => this.enter('check', { kind: 'idle', checkedAt: new Date(this.now()).toISOString() }));
    updater.on('update-available', (info) => {
      if (deps.install === 'self') this.enter('download', { kind: 'downloading', version: info.version });
      else this.enter('check', { kind: 'manual', version: info.version, reason: deps.install.manual });
    });
    updater.on('update-downloaded', (event) => this.enter('install', { kind: 'ready', version: event.version }));
    // Every failure arrives here (checkForUpdates also rejects with it: the same line, set twice, changes nothing).
    updater.on('error', (error) => this.fail(error));
  }

  state(): UpdateView {
    return this.view;
  }

  /** The first check now, then one a day. Resolves when the first check has an answer. */
  start(): Promise<void> {
    this.deps.onChange(this.view);
    this.timer ??= setInterval(() => void this.check(), CHECK_EVERY_MS);
    // The daily timer never keeps the process alive on its own.
    this.timer.unref?.();
    return this.check();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** "Check for updates…" and the daily timer. Nothing to do while a check or download runs or an update waits. */
  check(): Promise<void> {
    if (this.view.kind === 'downloading' || this.view.kind === 'ready') return Promise.resolve();
    this.running ??= this.runCheck().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runCheck(): Promise<void> {
    this.step = 'check';
    try {
      const result = await this.deps.updater.checkForUpdates();
      // null: electron-updater considers itself inactive (it never is when updateSupport said yes).
      if (result === null) this.enter('check', { kind: 'idle', checkedAt: null });
      // A failed download is reported through 'error'; the promise's rejection must not go unhandled.
      result?.downloadPromise?.catch(() => {});
    } catch (error) {
      this.fail(error);
    }
  }

  /** "Update ready: restart to install": quits, installs silently and starts the new version. */
  install(): void {
    if (this.view.kind !== 'ready') return;
    this.step = 'install';
    this.deps.updater.quitAndInstall(true, true);
  }

  private fail(error: unknown): void {
    this.enter(this.step, { kind: 'error', message: describeUpdateError(error, this.step) });
  }

  /** `step` is what can fail next, so an error names it: checking, downloading or installing. */
  private enter(step: UpdateStep, view: UpdateView): void {
    this.step = step;
    if (JSON.stringify(view) === JSON.stringify(this.view)) return;
    this.view = view;
    this.deps.onChange(view);
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }
}
