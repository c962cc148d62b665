// Keeps "can a tray icon be seen?" current on Linux. The check in trayHost.ts runs at start, but at
// login GNOME's AppIndicator extension (or another StatusNotifier host) may register after
// Pacebar started, and a host can also go away. dbus-monitor (from the same D-Bus tools as
// dbus-send) reports the watcher's name changing hands (org.freedesktop.DBus NameOwnerChanged) and
// hosts registering or leaving on it (StatusNotifierHostRegistered/Unregistered); each report asks
// trayHost.ts's two questions again. It sits idle in between, so the cost is one small process.
import { spawn } from 'node:child_process';

/** The part of a child process the watch uses (a fake in tests). */
export interface MonitorProcess {
  stdout: NodeJS.ReadableStream | null;
  on(event: 'error', listener: (error: Error) => void): unknown;
  kill(): boolean;
}

export type SpawnMonitor = (file: string, args: readonly string[]) => MonitorProcess;

const WATCHER = 'org.kde.StatusNotifierWatcher';

/** dbus-monitor match rules: the watcher's owner changing, and hosts (un)registering with it. */
export const MONITOR_RULES: readonly string[] = [
  `type='signal',sender='org.freedesktop.DBus',interface='org.freedesktop.DBus',member='NameOwnerChanged',arg0='${WATCHER}'`,
  `type='signal',interface='${WATCHER}',member='StatusNotifierHostRegistered'`,
  `type='signal',interface='${WATCHER}',member='StatusNotifierHostUnregistered'`,
];

const spawnMonitor: SpawnMonitor = (file, args) => spawn(file, [...args], { stdio: ['ignore', 'pipe', 'ignore'] });

export interface TrayHostWatchDeps {
  platform: NodeJS.Platform;
  /** What the start-up check found. */
  initial: boolean;
  /** Asks again: true when the icon cannot be seen (trayHost.ts trayIconHidden). */
  check: () => Promise<boolean>;
  /** Called when the answer changes. */
  onChange: (hidden: boolean) => void;
  spawn?: SpawnMonitor;
  log?: (line: string) => void;
}

export interface TrayHostWatch {
  stop(): void;
}

/** Linux only (macOS and Windows always have a tray). Reports every change of the answer, once. */
export function watchTrayHost(deps: TrayHostWatchDeps): TrayHostWatch {
  if (deps.platform !== 'linux') return { stop() {} };
  let hidden = deps.initial;
  let stopped = false;
  let checking = false;
  let again = false;
  // Reports that arrive while a check runs are answered by one more check, not one each.
  const recheck = async () => {
    if (checking) {
      again = true;
      return;
    }
    checking = true;
    try {
      do {
        again = false;
        const now = await deps.check();
        if (stopped) return;
        if (now !== hidden) {
          hidden = now;
          deps.onChange(now);
        }
      } while (again);
    } finally {
      checking = false;
    }
  };
  const child = (deps.spawn ?? spawnMonitor)('dbus-monitor', ['--session', ...MONITOR_RULES]);
  child.on('error', (error) => {
    const code = (error as { code?: string }).code ?? 'error';
    deps.log?.(`Pacebar: cannot watch for a tray to appear (dbus-monitor: ${code}); the check at start stands`);
  });
  // Any output is a report (dbus-monitor also greets with its own NameAcquired, which closes the
  // gap between the start-up check and the monitor starting).
  child.stdout?.on('data', () => void recheck());
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      child.kill();
    },
  };
}
