import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { linuxLaunchCommand, loginItemBackend, loginItemSync, type LoginItemBackend } from '../../../main/system/loginItem';
import { pollOnWake } from '../../../main/system/powerEvents';
import { demoCredentialsFromEnv, presetDemoCredentials } from '../../../main/system/demoCredentials';
import { baseState } from '../fakes/state';

const withLogin = (launchAtLogin: boolean) => {
  const s = baseState();
  return { ...s, settings: { ...s.settings, launchAtLogin } };
};

describe('login item', () => {
  /** The OS's login item: what System Settings / Task Manager / the autostart folder say. */
  function osLoginItem(enabled: boolean) {
    const os = { enabled, writes: [] as boolean[] };
    const backend: LoginItemBackend = {
      read: () => os.enabled,
      write: (value) => {
        os.writes.push(value);
        os.enabled = value;
      },
    };
    return { os, backend };
  }

  it('at start the OS wins: its state is adopted as the setting, nothing is written', async () => {
    const { os, backend } = osLoginItem(true);
    const adopt = vi.fn();
    const sync = loginItemSync({ backend, adopt });
    sync(baseState({ loading: true }));
    sync(withLogin(false));
    await Promise.resolve();
    expect(adopt).toHaveBeenCalledWith(true);
    expect(os.writes).toEqual([]);
    // The adopted setting comes back: nothing to do.
    sync(withLogin(true));
    expect(os.writes).toEqual([]);
  });

  it('at start an enabled login item is repaired (pointed at this Pacebar), a disabled one is not', () => {
    const repaired: string[] = [];
    const on = loginItemSync({ backend: { ...osLoginItem(true).backend, repair: () => repaired.push('on') }, adopt: vi.fn() });
    on(withLogin(true));
    on(withLogin(true));
    const off = loginItemSync({ backend: { ...osLoginItem(false).backend, repair: () => repaired.push('off') }, adopt: vi.fn() });
    off(withLogin(false));
    expect(repaired).toEqual(['on']);
  });

  it('afterwards only the person\'s change is applied, once', () => {
    const { os, backend } = osLoginItem(false);
    const sync = loginItemSync({ backend, adopt: vi.fn() });
    sync(withLogin(false));
    sync(withLogin(false));
    sync(withLogin(true));
    sync(withLogin(true));
    sync(withLogin(false));
    expect(os.writes).toEqual([true, false]);
  });

  it('a change the OS refuses snaps the setting back to what the OS does, in one line', async () => {
    const adopt = vi.fn();
    const log = vi.fn();
    const backend: LoginItemBackend = {
      read: () => false,
      write: () => {
        throw Object.assign(new Error('EACCES: permission denied, open /home/u/.config/autostart'), { code: 'EACCES' });
      },
    };
    const sync = loginItemSync({ backend, adopt, log });
    sync(withLogin(false));
    sync(withLogin(true));
    await Promise.resolve();
    expect(adopt).toHaveBeenCalledWith(false);
    expect(log).toHaveBeenCalledWith('Pacebar: could not change the login item (EACCES)');
  });

  it('a login item that cannot be read at start (EACCES) is shown as off, in one log line, and start-up goes on', async () => {
    const adopt = vi.fn();
    const log = vi.fn();
    const writes: boolean[] = [];
    const backend: LoginItemBackend = {
      read: () => {
        throw Object.assign(new Error('EACCES: permission denied, scandir /home/u/.config/autostart'), { code: 'EACCES' });
      },
      write: (enabled) => void writes.push(enabled),
    };
    const sync = loginItemSync({ backend, adopt, log });
    expect(() => sync(withLogin(true))).not.toThrow();
    await Promise.resolve();
    expect(adopt).toHaveBeenCalledWith(false);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('Pacebar: could not read the login item (EACCES)');
    expect(writes).toEqual([]);
  });

  it('macOS/Windows: Electron\'s login item; Linux: XDG autostart; installed copies only (dev runs opt in on Linux); elsewhere none', () => {
    const app = { isPackaged: true, getAppPath: () => '/app', getLoginItemSettings: vi.fn(() => ({ openAtLogin: true })), setLoginItemSettings: vi.fn() };
    const mac = loginItemBackend(app as never, 'darwin', {})!;
    expect(mac.read()).toBe(true);
    mac.write(false);
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: false });
    expect(loginItemBackend({ ...app, isPackaged: false } as never, 'win32', {})).toBeNull();
    expect(loginItemBackend(app as never, 'freebsd', {})).toBeNull();
    expect(loginItemBackend(app as never, 'linux', { XDG_CONFIG_HOME: '/tmp/none' })).not.toBeNull();
    expect(loginItemBackend({ ...app, isPackaged: false } as never, 'linux', { XDG_CONFIG_HOME: '/tmp/none' })).toBeNull();
    expect(loginItemBackend({ ...app, isPackaged: false } as never, 'linux', { XDG_CONFIG_HOME: '/tmp/none', PACEBAR_DEV_AUTOSTART: '1' })).not.toBeNull();
  });

  it('the Linux entry runs the AppImage file, the installed binary, or this checkout', () => {
    const dev = { isPackaged: false, getAppPath: () => '/src/pacebar' };
    const packaged = { isPackaged: true, getAppPath: () => '/opt/Pacebar/resources/app.asar' };
    expect(linuxLaunchCommand(packaged, { APPIMAGE: '/home/u/Apps/Pacebar-0.1.0.AppImage' }, '/tmp/.mount_x/pacebar')).toEqual(['/home/u/Apps/Pacebar-0.1.0.AppImage']);
    expect(linuxLaunchCommand(packaged, {}, '/opt/Pacebar/pacebar')).toEqual(['/opt/Pacebar/pacebar']);
    expect(linuxLaunchCommand(dev, {}, '/src/pacebar/node_modules/electron/dist/electron')).toEqual(['/src/pacebar/node_modules/electron/dist/electron', '/src/pacebar']);
  });
});

describe('poll on wake', () => {
  it('resume and unlock-screen poll now; the returned function unhooks', () => {
    const monitor = new EventEmitter();
    const pollNow = vi.fn(async () => 'ok');
    const off = pollOnWake(monitor as never, pollNow);
    monitor.emit('resume');
    monitor.emit('unlock-screen');
    monitor.emit('suspend');
    expect(pollNow).toHaveBeenCalledTimes(2);
    off();
    monitor.emit('resume');
    expect(pollNow).toHaveBeenCalledTimes(2);
  });
});

describe('demo credentials', () => {
  const env = { PACEBAR_DEMO: '1', PACEBAR_DEMO_CLIENT_ID: '12345', PACEBAR_DEMO_CLIENT_SECRET: 'demo-secret' };

  it('only with PACEBAR_DEMO=1 and both values', () => {
    expect(demoCredentialsFromEnv(env)).toEqual({ clientId: '12345', clientSecret: 'demo-secret' });
    expect(demoCredentialsFromEnv({ ...env, PACEBAR_DEMO: '0' })).toBeNull();
    expect(demoCredentialsFromEnv({ PACEBAR_DEMO: '1', PACEBAR_DEMO_CLIENT_ID: '12345' })).toBeNull();
    expect(demoCredentialsFromEnv({})).toBeNull();
  });

  it('saved only when none are stored', async () => {
    const save = vi.fn(async () => ({ ok: true }));
    await expect(presetDemoCredentials({ credentials: { has: async () => false }, saveCredentials: save }, env)).resolves.toBe(true);
    expect(save).toHaveBeenCalledWith({ clientId: '12345', clientSecret: 'demo-secret' });
    save.mockClear();
    await expect(presetDemoCredentials({ credentials: { has: async () => true }, saveCredentials: save }, env)).resolves.toBe(false);
    await expect(
      presetDemoCredentials({ credentials: { has: () => Promise.reject(new Error('locked')) }, saveCredentials: save }, env),
    ).resolves.toBe(false);
    await expect(presetDemoCredentials({ credentials: { has: async () => false }, saveCredentials: save }, {})).resolves.toBe(false);
    expect(save).not.toHaveBeenCalled();
  });
});
