// Whether a tray icon can be seen on this Linux desktop. Electron's Linux tray is a
// StatusNotifierItem: Chromium asks the session bus whether org.kde.StatusNotifierWatcher has an
// owner and whether its IsStatusNotifierHostRegistered property is true, and otherwise falls back
// to a GTK (XEmbed) icon (chrome/browser/ui/views/status_icons/status_icon_linux_dbus.cc,
// shell/browser/ui/tray_icon_linux.cc). Stock GNOME Shell has neither a StatusNotifier host (that
// is the AppIndicator extension) nor an XEmbed tray, so the icon is invisible there.
// This asks the same two questions with dbus-send (part of every D-Bus install).
import { execFile } from 'node:child_process';

export type RunCommand = (file: string, args: readonly string[]) => Promise<string>;

const WATCHER = 'org.kde.StatusNotifierWatcher';

export const runCommand: RunCommand = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: 3_000, encoding: 'utf8' }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });

const call = (args: readonly string[]) => ['--session', '--print-reply', '--reply-timeout=2000', ...args];

/** dbus-send prints a boolean reply as "boolean true" (a property as "variant boolean true"). */
export function replyBoolean(stdout: string): boolean | null {
  const match = /\bboolean (true|false)\b/.exec(stdout);
  return match ? match[1] === 'true' : null;
}

/** 'present', 'absent', or 'unknown' when the session bus cannot be asked. */
export async function statusNotifierHost(run: RunCommand = runCommand): Promise<'present' | 'absent' | 'unknown'> {
  try {
    const owned = replyBoolean(
      await run('dbus-send', call(['--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', `string:${WATCHER}`])),
    );
    if (owned === null) return 'unknown';
    if (!owned) return 'absent';
    const registered = replyBoolean(
      await run('dbus-send', call([`--dest=${WATCHER}`, '/StatusNotifierWatcher', 'org.freedesktop.DBus.Properties.Get', `string:${WATCHER}`, 'string:IsStatusNotifierHostRegistered'])),
    );
    if (registered === null) return 'unknown';
    return registered ? 'present' : 'absent';
  } catch {
    return 'unknown';
  }
}

/**
 * True when the tray icon cannot be relied on: Linux with no StatusNotifier host, or a session bus
 * that cannot be asked (an invisible Pacebar is worse than a dashboard opened once too often).
 */
export async function trayIconHidden(platform: NodeJS.Platform, run: RunCommand = runCommand): Promise<boolean> {
  if (platform !== 'linux') return false;
  return (await statusNotifierHost(run)) !== 'present';
}
