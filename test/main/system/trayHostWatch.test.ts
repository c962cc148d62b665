// The tray appearing (or going) after start: the watch asks again on each D-Bus report and says
// when the answer changes. Against a fake monitor, and against the real session bus with a
// StatusNotifierWatcher that comes and goes (where python3's dbus bindings are there to play it).
import { spawn, spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { trayIconHidden } from '../../../main/system/trayHost';
import { MONITOR_RULES, watchTrayHost, type MonitorProcess } from '../../../main/system/trayHostWatch';

function fakeMonitor() {
  const stdout = new PassThrough();
  const child = Object.assign(new EventEmitter(), { stdout, kill: vi.fn(() => true) });
  const spawned: (readonly string[])[] = [];
  const spawnFake = (file: string, args: readonly string[]) => {
    spawned.push([file, ...args]);
    return child as unknown as MonitorProcess;
  };
  return { child, stdout, spawned, spawn: spawnFake };
}

/** Resolves with the next value onChange receives. */
function nextChange() {
  let resolve!: (hidden: boolean) => void;
  const changes: boolean[] = [];
  let waiting = new Promise<boolean>((r) => (resolve = r));
  const onChange = (hidden: boolean) => {
    changes.push(hidden);
    resolve(hidden);
    waiting = new Promise<boolean>((r) => (resolve = r));
  };
  return { onChange, changes, next: () => waiting };
}

describe('watching for a tray host', () => {
  it('a host registering later (AppIndicator at login): the next report asks again and says "visible" once', async () => {
    const monitor = fakeMonitor();
    const answers = [true, false, false];
    const check = vi.fn(async () => answers.shift() ?? false);
    const changes = nextChange();
    const watch = watchTrayHost({ platform: 'linux', initial: true, check, onChange: changes.onChange, spawn: monitor.spawn });
    expect(monitor.spawned).toEqual([['dbus-monitor', '--session', ...MONITOR_RULES]]);
    monitor.stdout.write('signal time=1 sender=org.freedesktop.DBus -> destination=:1.7 member=NameAcquired\n');
    const next = changes.next();
    monitor.stdout.write('signal time=2 sender=org.freedesktop.DBus member=NameOwnerChanged\n   string "org.kde.StatusNotifierWatcher"\n');
    expect(await next).toBe(false);
    monitor.stdout.write('signal time=3 interface=org.kde.StatusNotifierWatcher member=StatusNotifierHostRegistered\n');
    await vi.waitFor(() => expect(check).toHaveBeenCalledTimes(3));
    expect(changes.changes).toEqual([false]);
    watch.stop();
    expect(monitor.child.kill).toHaveBeenCalledTimes(1);
  });

  it('reports that arrive during a check are answered by one more check, not one each', async () => {
    const monitor = fakeMonitor();
    let release!: () => void;
    const check = vi.fn(() => new Promise<boolean>((resolve) => (release = () => resolve(true))));
    const watch = watchTrayHost({ platform: 'linux', initial: true, check, onChange: vi.fn(), spawn: monitor.spawn });
    monitor.stdout.write('a\n');
    await vi.waitFor(() => expect(check).toHaveBeenCalledTimes(1));
    for (const line of ['b\n', 'c\n', 'd\n']) monitor.stdout.write(line);
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await vi.waitFor(() => expect(check).toHaveBeenCalledTimes(2));
    release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(check).toHaveBeenCalledTimes(2);
    watch.stop();
  });

  it('no dbus-monitor: one log line, the start-up answer stands; macOS and Windows watch nothing', () => {
    const monitor = fakeMonitor();
    const log = vi.fn();
    watchTrayHost({ platform: 'linux', initial: true, check: vi.fn(), onChange: vi.fn(), spawn: monitor.spawn, log });
    monitor.child.emit('error', Object.assign(new Error('spawn dbus-monitor ENOENT'), { code: 'ENOENT' }));
    expect(log).toHaveBeenCalledWith('Pacebar: cannot watch for a tray to appear (dbus-monitor: ENOENT); the check at start stands');
    const other = fakeMonitor();
    for (const platform of ['darwin', 'win32'] as const) watchTrayHost({ platform, initial: false, check: vi.fn(), onChange: vi.fn(), spawn: other.spawn }).stop();
    expect(other.spawned).toEqual([]);
  });

  // A StatusNotifierWatcher with a host registered, played by python3's dbus bindings.
  const WATCHER_PY = [
    'import dbus, dbus.service, dbus.mainloop.glib',
    'from gi.repository import GLib',
    'dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)',
    'bus = dbus.SessionBus()',
    'class Watcher(dbus.service.Object):',
    "    @dbus.service.method('org.freedesktop.DBus.Properties', in_signature='ss', out_signature='v')",
    '    def Get(self, interface, name):',
    '        return dbus.Boolean(True)',
    "watcher = Watcher(bus, '/StatusNotifierWatcher')",
    "name = dbus.service.BusName('org.kde.StatusNotifierWatcher', bus)",
    'GLib.MainLoop().run()',
  ].join('\n');
  // The first python3 with the bindings (a pyenv one on PATH may lack the system's python3-dbus).
  const python =
    process.platform === 'linux' && process.env.DBUS_SESSION_BUS_ADDRESS && spawnSync('dbus-monitor', ['--help'], { stdio: 'ignore' }).error === undefined
      ? ['python3', '/usr/bin/python3'].find((file) => spawnSync(file, ['-c', 'import dbus, dbus.mainloop.glib; from gi.repository import GLib'], { stdio: 'ignore' }).status === 0)
      : undefined;

  it.skipIf(python === undefined)('on the real session bus: a watcher appearing makes the icon visible, its leaving hidden again', async () => {
    const changes = nextChange();
    const watch = watchTrayHost({ platform: 'linux', initial: true, check: () => trayIconHidden('linux'), onChange: changes.onChange });
    try {
      const appeared = changes.next();
      const watcher = spawn(python!, ['-c', WATCHER_PY], { stdio: 'ignore' });
      try {
        expect(await appeared).toBe(false);
        const gone = changes.next();
        watcher.kill();
        expect(await gone).toBe(true);
      } finally {
        watcher.kill();
      }
      expect(changes.changes).toEqual([false, true]);
    } finally {
      watch.stop();
    }
  });
});
