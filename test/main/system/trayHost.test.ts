// Whether a tray icon can be seen: the two questions Chromium asks the session bus, asked the same way.
import { describe, expect, it } from 'vitest';
import { replyBoolean, runCommand, statusNotifierHost, trayIconHidden, type RunCommand } from '../../../main/system/trayHost';

const NAME_HAS_OWNER = 'org.freedesktop.DBus.NameHasOwner';
const PROPERTY_GET = 'org.freedesktop.DBus.Properties.Get';

/** A session bus as dbus-send would answer it. */
function bus(options: { watcher: boolean; hostRegistered?: boolean }): { run: RunCommand; calls: string[][] } {
  const calls: string[][] = [];
  const run: RunCommand = async (file, args) => {
    calls.push([file, ...args]);
    if (args.includes(NAME_HAS_OWNER)) return `method return time=1 sender=org.freedesktop.DBus -> destination=:1.9 serial=3 reply_serial=2\n   boolean ${options.watcher}\n`;
    if (args.includes(PROPERTY_GET)) {
      if (!options.watcher) throw new Error('org.freedesktop.DBus.Error.ServiceUnknown');
      return `method return time=1 sender=:1.5 -> destination=:1.9 serial=8 reply_serial=2\n   variant       boolean ${options.hostRegistered ?? false}\n`;
    }
    throw new Error(`unexpected call ${args.join(' ')}`);
  };
  return { run, calls };
}

describe('StatusNotifier host detection', () => {
  it('KDE, or GNOME with the AppIndicator extension: watcher owned and a host registered', async () => {
    const { run, calls } = bus({ watcher: true, hostRegistered: true });
    expect(await statusNotifierHost(run)).toBe('present');
    expect(calls[0]).toEqual(['dbus-send', '--session', '--print-reply', '--reply-timeout=2000', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', NAME_HAS_OWNER, 'string:org.kde.StatusNotifierWatcher']);
    expect(calls[1]).toContain('string:IsStatusNotifierHostRegistered');
    expect(await trayIconHidden('linux', run)).toBe(false);
  });

  it('stock GNOME: nobody owns the watcher name → hidden', async () => {
    const { run, calls } = bus({ watcher: false });
    expect(await statusNotifierHost(run)).toBe('absent');
    expect(calls).toHaveLength(1);
    expect(await trayIconHidden('linux', run)).toBe(true);
  });

  it('a watcher with no host registered → hidden', async () => {
    expect(await statusNotifierHost(bus({ watcher: true, hostRegistered: false }).run)).toBe('absent');
  });

  it('no session bus or no dbus-send → unknown, treated as hidden (never an invisible Pacebar)', async () => {
    const missing: RunCommand = async () => {
      throw Object.assign(new Error('spawn dbus-send ENOENT'), { code: 'ENOENT' });
    };
    expect(await statusNotifierHost(missing)).toBe('unknown');
    expect(await trayIconHidden('linux', missing)).toBe(true);
    expect(await statusNotifierHost(async () => 'garbage')).toBe('unknown');
  });

  it('macOS and Windows always have a tray: nothing is asked', async () => {
    const { run, calls } = bus({ watcher: false });
    expect(await trayIconHidden('darwin', run)).toBe(false);
    expect(await trayIconHidden('win32', run)).toBe(false);
    expect(calls).toHaveLength(0);
  });

  it('reads dbus-send\'s boolean replies', () => {
    expect(replyBoolean('   boolean true\n')).toBe(true);
    expect(replyBoolean('   variant       boolean false\n')).toBe(false);
    expect(replyBoolean('Error org.freedesktop.DBus.Error.ServiceUnknown')).toBeNull();
  });

  // npm test runs the suite in a private D-Bus session (scripts/test.mjs) with no StatusNotifier host.
  it.skipIf(process.platform !== 'linux' || !process.env.DBUS_SESSION_BUS_ADDRESS)('on a real session bus with no StatusNotifier host: absent', async () => {
    expect(await statusNotifierHost(runCommand)).toBe('absent');
  });
});
