import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { loginItemSync } from '../../../main/system/loginItem';
import { pollOnWake } from '../../../main/system/powerEvents';
import { ReconnectNotifier, RECONNECT_BODY, RECONNECT_TITLE } from '../../../main/system/reconnectNotifier';
import { demoCredentialsFromEnv, presetDemoCredentials } from '../../../main/system/demoCredentials';
import { baseState, connectedState } from '../fakes/state';

const withLogin = (launchAtLogin: boolean) => {
  const s = baseState();
  return { ...s, settings: { ...s.settings, launchAtLogin } };
};

describe('login item', () => {
  it('applies the setting at start and on change, packaged macOS/Windows only', () => {
    const app = { isPackaged: true, setLoginItemSettings: vi.fn() };
    const sync = loginItemSync(app as never, 'darwin');
    sync(baseState({ loading: true }));
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
    sync(withLogin(false));
    sync(withLogin(false));
    sync(withLogin(true));
    sync(withLogin(true));
    expect(app.setLoginItemSettings.mock.calls).toEqual([[{ openAtLogin: false }], [{ openAtLogin: true }]]);
  });

  it('never in development or on Linux', () => {
    const dev = { isPackaged: false, setLoginItemSettings: vi.fn() };
    loginItemSync(dev as never, 'win32')(withLogin(true));
    const linux = { isPackaged: true, setLoginItemSettings: vi.fn() };
    loginItemSync(linux as never, 'linux')(withLogin(true));
    expect(dev.setLoginItemSettings).not.toHaveBeenCalled();
    expect(linux.setLoginItemSettings).not.toHaveBeenCalled();
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

describe('reconnect notification', () => {
  function setup(supported = true) {
    const shown: EventEmitter[] = [];
    const openDashboard = vi.fn();
    const notifier = new ReconnectNotifier({
      createNotification: (options) => {
        const n = Object.assign(new EventEmitter(), { options, show: vi.fn() });
        shown.push(n);
        return n;
      },
      isSupported: () => supported,
      openDashboard,
    });
    return { notifier, shown, openDashboard };
  }

  it('once per loss, re-armed by a working connection; a click opens the dashboard', () => {
    const { notifier, shown, openDashboard } = setup();
    notifier.reconnectNeeded();
    notifier.reconnectNeeded();
    notifier.stateChanged(baseState({ connection: { kind: 'reconnect_needed' } }));
    notifier.reconnectNeeded();
    expect(shown).toHaveLength(1);
    expect((shown[0] as unknown as { options: unknown }).options).toEqual({ title: RECONNECT_TITLE, body: RECONNECT_BODY });
    expect(RECONNECT_TITLE).toBe('Pacebar lost its Strava connection');
    expect(RECONNECT_BODY).toBe('Reconnect to keep your stats updating.');
    shown[0]!.emit('click');
    expect(openDashboard).toHaveBeenCalledTimes(1);
    notifier.stateChanged(connectedState());
    notifier.reconnectNeeded();
    expect(shown).toHaveLength(2);
  });

  it('stays quiet where notifications are unsupported', () => {
    const { notifier, shown } = setup(false);
    notifier.reconnectNeeded();
    expect(shown).toHaveLength(0);
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
