import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EventChannels, InvokeChannels, type ActionResult } from '../../../preload/contract';
import { FakeFrame, FakeWebContents } from '../fakes/electron';
import { pushState, registerIpc, STRAVA_API_SETTINGS_URL, type IpcController } from '../../../main/ipc/registerIpc';
import { connectedState } from '../fakes/state';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

function setup(options: { profileUrl?: string | null } = {}) {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: Handler) => handlers.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
  const ok: ActionResult = { ok: true };
  const controller = {
    state: vi.fn(() => connectedState()),
    saveCredentials: vi.fn(async () => ok),
    connect: vi.fn(async () => ok),
    cancelConnect: vi.fn(() => ok),
    disconnect: vi.fn(async () => ok),
    refreshAction: vi.fn(async () => ok),
    updateSettings: vi.fn(async () => ok),
    // Goals 1 and 2 exist; the engine's rules are the controller's business (its own tests).
    addGoal: vi.fn((_input: unknown) => ok),
    removeGoal: vi.fn((id: number): ActionResult => (id === 1 || id === 2 ? ok : { ok: false, message: `There is no goal ${id}; nothing was changed.` })),
    athleteProfileUrl: vi.fn(() => (options.profileUrl === undefined ? 'https://www.strava.com/athletes/42' : options.profileUrl)),
    // Only activity 77 is in the history.
    activityUrl: vi.fn((id: number) => (id === 77 ? `https://www.strava.com/activities/${id}` : null)),
  } satisfies IpcController;
  const dashboard = new FakeWebContents();
  dashboard.mainFrame.url = 'app://pacebar/index.html';
  let open: FakeWebContents | null = dashboard;
  const openExternal = vi.fn(async (_url: string) => {});
  const quit = vi.fn();
  const unregister = registerIpc({ ipcMain, controller, dashboard: () => open as never, openExternal, quit });
  const good = { sender: dashboard, senderFrame: dashboard.mainFrame };
  const invoke = (channel: string, event: unknown, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return Promise.resolve().then(() => handler(event, ...args));
  };
  return { handlers, ipcMain, controller, dashboard, openExternal, quit, unregister, good, invoke, close: () => (open = null) };
}

const controllerCalls = (c: ReturnType<typeof setup>['controller']) =>
  Object.values(c).reduce((n, fn) => n + (fn as ReturnType<typeof vi.fn>).mock.calls.length, 0);

describe('registerIpc', () => {
  let s: ReturnType<typeof setup>;
  beforeEach(() => {
    s = setup();
  });

  it('handles exactly the contract\'s channels, and unregisters them', () => {
    expect([...s.handlers.keys()].sort()).toEqual(Object.values(InvokeChannels).sort());
    s.unregister();
    expect(s.handlers.size).toBe(0);
  });

  describe('sender validation: refused without reaching the controller', () => {
    const other = new FakeWebContents();
    other.mainFrame.url = 'app://pacebar/index.html';
    const subframe = new FakeFrame(0, 9, 'app://pacebar/index.html');

    const badEvents = (dash: FakeWebContents) => {
      const sub = new FakeFrame(dash.mainFrame.processId, 9, 'app://pacebar/frame.html');
      sub.parent = dash.mainFrame;
      const foreignMain = new FakeFrame(dash.mainFrame.processId, dash.mainFrame.routingId, 'https://evil.example/');
      const lookalike = new FakeFrame(dash.mainFrame.processId, dash.mainFrame.routingId, 'app://evil/index.html');
      const fileFrame = new FakeFrame(dash.mainFrame.processId, dash.mainFrame.routingId, 'file:///tmp/x.html');
      return {
        'another webContents': { sender: other, senderFrame: other.mainFrame },
        'a subframe of the dashboard': { sender: dash, senderFrame: sub },
        'a frame of another process': { sender: dash, senderFrame: subframe },
        'the dashboard on a foreign origin': { sender: dash, senderFrame: foreignMain },
        'another app:// host': { sender: dash, senderFrame: lookalike },
        'a file:// page': { sender: dash, senderFrame: fileFrame },
        'a destroyed frame (senderFrame null)': { sender: dash, senderFrame: null },
      };
    };

    it.each(Object.values(InvokeChannels))('%s', async (channel) => {
      for (const [what, event] of Object.entries(badEvents(s.dashboard))) {
        await expect(s.invoke(channel, event, 'window'), what).rejects.toThrow(/not Pacebar's dashboard/);
      }
      expect(controllerCalls(s.controller)).toBe(0);
      expect(s.openExternal).not.toHaveBeenCalled();
      expect(s.quit).not.toHaveBeenCalled();
    });

    it('refuses everything while no dashboard is open', async () => {
      s.close();
      await expect(s.invoke(InvokeChannels.getState, s.good)).rejects.toThrow(/not Pacebar's dashboard/);
      expect(controllerCalls(s.controller)).toBe(0);
    });

    it('refuses a destroyed dashboard', async () => {
      s.dashboard.destroyed = true;
      await expect(s.invoke(InvokeChannels.disconnect, s.good)).rejects.toThrow();
      expect(s.controller.disconnect).not.toHaveBeenCalled();
    });
  });

  describe('payload validation', () => {
    const badCredentials: [string, unknown][] = [
      ['nothing', undefined],
      ['a string', '12345:secret'],
      ['wrong types', { clientId: 12345, clientSecret: 'abc' }],
      ['letters in the id', { clientId: '12a45', clientSecret: 'abc' }],
      ['a 13-digit id', { clientId: '1234567890123', clientSecret: 'abc' }],
      ['an empty secret', { clientId: '12345', clientSecret: '' }],
      ['a secret with spaces', { clientId: '12345', clientSecret: 'ab cd' }],
      ['a huge secret', { clientId: '12345', clientSecret: 'x'.repeat(100_000) }],
      ['an extra key', { clientId: '12345', clientSecret: 'abc', extra: true }],
      ['a prototype-polluting key', JSON.parse('{"clientId":"12345","clientSecret":"abc","__proto__":{"x":1}}')],
    ];
    it.each(badCredentials)('saveCredentials refuses %s', async (_what, payload) => {
      const result = (await s.invoke(InvokeChannels.saveCredentials, s.good, payload)) as ActionResult;
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).not.toMatch(/\n/);
        expect(result.message.length).toBeLessThan(200);
        expect(result.message).not.toContain('x'.repeat(50));
      }
      expect(s.controller.saveCredentials).not.toHaveBeenCalled();
    });

    it('saveCredentials passes a valid payload through', async () => {
      const input = { clientId: '12345', clientSecret: 'demo-secret-0123456789abcdef' };
      await expect(s.invoke(InvokeChannels.saveCredentials, s.good, input)).resolves.toEqual({ ok: true });
      expect(s.controller.saveCredentials).toHaveBeenCalledWith(input);
    });

    it('connect takes only window or browser', async () => {
      for (const bad of ['tab', '', null, 1, { method: 'window' }, ['window']]) {
        await expect(s.invoke(InvokeChannels.connect, s.good, bad)).resolves.toMatchObject({ ok: false });
      }
      expect(s.controller.connect).not.toHaveBeenCalled();
      await s.invoke(InvokeChannels.connect, s.good, 'browser');
      await s.invoke(InvokeChannels.connect, s.good, 'window');
      expect(s.controller.connect.mock.calls).toEqual([['browser'], ['window']]);
    });

    it('updateSettings refuses unknown keys, wrong types and intervals out of range (the store\'s rule)', async () => {
      const bad: unknown[] = [
        undefined,
        'units=metric',
        { units: 'furlongs' },
        { units: 'strava' }, // 'strava' is the CLI's word; over IPC, following Strava is null
        { goals: [] }, // goals change through addGoal / removeGoal only
        { notified: { goalReached: {}, weeklySummary: null } }, // Pacebar's own bookkeeping
        { primarySport: 'rowing' },
        { refreshIntervalMinutes: 5 },
        { refreshIntervalMinutes: 14 },
        { refreshIntervalMinutes: 1441 },
        { refreshIntervalMinutes: 15.5 },
        { refreshIntervalMinutes: '15' },
        { launchAtLogin: 'yes' },
        { signInMethod: 'popup' },
        { athleteId: 7 },
        { clientId: '999' },
        { units: 'metric', extra: 1 },
        { menuBarTitle: 'always' },
        { trayIcon: 'bar' },
        { notifyGoalReached: 1 },
        { weeklySummaryAt: { weekday: 0, minute: 600 } },
        { weeklySummaryAt: { weekday: 7, minute: 1440 } },
        { weeklySummaryAt: '7 18:00' },
      ];
      for (const patch of bad) {
        const result = (await s.invoke(InvokeChannels.updateSettings, s.good, patch)) as ActionResult;
        expect(result.ok, JSON.stringify(patch)).toBe(false);
      }
      expect(s.controller.updateSettings).not.toHaveBeenCalled();
    });

    it('updateSettings passes a valid patch through', async () => {
      const patch = { units: 'imperial', primarySport: 'ride', refreshIntervalMinutes: 60, launchAtLogin: true, signInMethod: 'browser' };
      await expect(s.invoke(InvokeChannels.updateSettings, s.good, patch)).resolves.toEqual({ ok: true });
      expect(s.controller.updateSettings).toHaveBeenCalledWith(patch);
      await s.invoke(InvokeChannels.updateSettings, s.good, { refreshIntervalMinutes: 120 });
      expect(s.controller.updateSettings).toHaveBeenLastCalledWith({ refreshIntervalMinutes: 120 });
      // Not a preset, but within the rule the store and the CLI apply.
      await s.invoke(InvokeChannels.updateSettings, s.good, { refreshIntervalMinutes: 45 });
      expect(s.controller.updateSettings).toHaveBeenLastCalledWith({ refreshIntervalMinutes: 45 });
    });

    it('updateSettings passes the glance and notification settings, and units null (follow Strava)', async () => {
      const patches = [
        { units: null },
        { menuBarTitle: 'week', trayIcon: 'plain' },
        { notifyGoalReached: true },
        { weeklySummaryAt: { weekday: 7, minute: 1080 } },
        { weeklySummaryAt: null },
      ];
      for (const patch of patches) {
        await expect(s.invoke(InvokeChannels.updateSettings, s.good, patch)).resolves.toEqual({ ok: true });
        expect(s.controller.updateSettings).toHaveBeenLastCalledWith(patch);
      }
    });

    const goal = { sport: 'ride', period: 'week', measure: 'distance', target: 150_000 };
    const badGoals: [string, unknown, RegExp][] = [
      ['nothing', undefined, /not accepted/],
      ['a string', 'ride week 150km', /not accepted/],
      ['an id of its own (Pacebar gives it)', { ...goal, id: 7 }, /not accepted/],
      ['an extra key', { ...goal, colour: 'red' }, /not accepted/],
      ['an unknown sport', { ...goal, sport: 'rowing' }, /sport family/],
      ['an unknown period', { ...goal, period: 'day' }, /period is week, month, year/],
      ['an unknown measure', { ...goal, measure: 'calories' }, /counts distance, time, elevation, count/],
      ['a target as text', { ...goal, target: '150' }, /positive amount/],
      ['a zero target', { ...goal, target: 0 }, /positive amount/],
      ['a negative target', { ...goal, target: -5 }, /positive amount/],
      ['a target beyond any year', { ...goal, target: 2_000_000_000 }, /at most 1,000,000 km/],
      ['half an activity', { ...goal, measure: 'count', target: 2.5 }, /whole number of activities/],
      ['an infinite target', { ...goal, target: Number.POSITIVE_INFINITY }, /positive amount/],
      ['a prototype-polluting key', JSON.parse('{"sport":"ride","period":"week","measure":"distance","target":150000,"__proto__":{"x":1}}'), /not accepted/],
    ];
    it.each(badGoals)('addGoal refuses %s with one clear line, without reaching the controller', async (_what, payload, message) => {
      const result = (await s.invoke(InvokeChannels.addGoal, s.good, payload)) as ActionResult;
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(message) });
      if (!result.ok) expect(result.message).not.toMatch(/\n/);
      expect(s.controller.addGoal).not.toHaveBeenCalled();
    });

    it('addGoal passes a valid goal through, in Strava\'s units as sent', async () => {
      await expect(s.invoke(InvokeChannels.addGoal, s.good, goal)).resolves.toEqual({ ok: true });
      const time = { sport: 'fitness', period: 'month', measure: 'time', target: 19_800 };
      await s.invoke(InvokeChannels.addGoal, s.good, time);
      expect(s.controller.addGoal.mock.calls).toEqual([[goal], [time]]);
    });

    it('removeGoal takes a goal id only, and passes the controller\'s answer on', async () => {
      for (const bad of ['1', 0, -1, 1.5, 2_000_000, null, { id: 1 }, undefined]) {
        await expect(s.invoke(InvokeChannels.removeGoal, s.good, bad)).resolves.toEqual({ ok: false, message: 'That is not one of your goals.' });
      }
      expect(s.controller.removeGoal).not.toHaveBeenCalled();
      await expect(s.invoke(InvokeChannels.removeGoal, s.good, 2)).resolves.toEqual({ ok: true });
      await expect(s.invoke(InvokeChannels.removeGoal, s.good, 9)).resolves.toEqual({ ok: false, message: 'There is no goal 9; nothing was changed.' });
      expect(s.controller.removeGoal.mock.calls).toEqual([[2], [9]]);
    });
  });

  it('the argument-free channels reach the controller', async () => {
    await expect(s.invoke(InvokeChannels.getState, s.good)).resolves.toMatchObject({ connection: { kind: 'connected' } });
    await s.invoke(InvokeChannels.cancelConnect, s.good);
    await s.invoke(InvokeChannels.disconnect, s.good);
    await s.invoke(InvokeChannels.refresh, s.good);
    expect(s.controller.cancelConnect).toHaveBeenCalledTimes(1);
    expect(s.controller.disconnect).toHaveBeenCalledTimes(1);
    expect(s.controller.refreshAction).toHaveBeenCalledTimes(1);
  });

  it('quit (the dashboard\'s "Quit Pacebar" where no tray can be seen) quits, from the dashboard only, and ignores arguments', async () => {
    await expect(s.invoke(InvokeChannels.quit, s.good, 'now', { force: true })).resolves.toEqual({ ok: true });
    expect(s.quit).toHaveBeenCalledTimes(1);
    expect(s.quit).toHaveBeenCalledWith();
    s.close();
    await expect(s.invoke(InvokeChannels.quit, s.good)).rejects.toThrow(/not Pacebar's dashboard/);
    expect(s.quit).toHaveBeenCalledTimes(1);
  });

  it('a controller that throws still answers with one line', async () => {
    s.controller.disconnect.mockRejectedValueOnce(new Error('secret-token-in-message'));
    const result = (await s.invoke(InvokeChannels.disconnect, s.good)) as ActionResult;
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('secret-token');
  });

  describe('opening Strava in the browser', () => {
    it('builds the URLs in main and ignores anything the renderer sends', async () => {
      await expect(s.invoke(InvokeChannels.openAthleteOnStrava, s.good, 'file:///etc/passwd')).resolves.toEqual({ ok: true });
      expect(s.openExternal).toHaveBeenLastCalledWith('https://www.strava.com/athletes/42');
      await expect(s.invoke(InvokeChannels.openStravaApiSettings, s.good, 'javascript:alert(1)')).resolves.toEqual({ ok: true });
      expect(s.openExternal).toHaveBeenLastCalledWith(STRAVA_API_SETTINGS_URL);
      expect(STRAVA_API_SETTINGS_URL).toBe('https://www.strava.com/settings/api');
    });

    it('an activity of the history by its id, and nothing else', async () => {
      await expect(s.invoke(InvokeChannels.openActivityOnStrava, s.good, 77)).resolves.toEqual({ ok: true });
      expect(s.openExternal).toHaveBeenLastCalledWith('https://www.strava.com/activities/77');
      s.openExternal.mockClear();
      await expect(s.invoke(InvokeChannels.openActivityOnStrava, s.good, 78)).resolves.toEqual({ ok: false, message: 'That activity is not in your history.' });
      for (const bad of ['77', 77.5, -1, { id: 77 }, 'https://evil.example/', undefined]) {
        await expect(s.invoke(InvokeChannels.openActivityOnStrava, s.good, bad)).resolves.toEqual({ ok: false, message: 'That is not a Strava activity.' });
      }
      expect(s.openExternal).not.toHaveBeenCalled();
    });

    it('not connected: nothing to open', async () => {
      const t = setup({ profileUrl: null });
      await expect(t.invoke(InvokeChannels.openAthleteOnStrava, t.good)).resolves.toEqual({ ok: false, message: 'Connect Strava first.' });
      expect(t.openExternal).not.toHaveBeenCalled();
    });

    it('validates even the URL main built', async () => {
      const t = setup({ profileUrl: 'http://www.strava.com/athletes/42' });
      await expect(t.invoke(InvokeChannels.openAthleteOnStrava, t.good)).resolves.toMatchObject({ ok: false });
      expect(t.openExternal).not.toHaveBeenCalled();
    });

    it('a browser that fails to open is reported', async () => {
      s.openExternal.mockRejectedValueOnce(new Error('no handler'));
      await expect(s.invoke(InvokeChannels.openStravaApiSettings, s.good)).resolves.toMatchObject({ ok: false });
    });
  });
});

describe('pushState', () => {
  it('sends the state alone on the state channel to the dashboard', () => {
    const contents = new FakeWebContents();
    contents.mainFrame.url = 'app://pacebar/index.html';
    const state = connectedState();
    expect(pushState(contents as never, state)).toBe(true);
    expect(contents.sent).toEqual([{ channel: EventChannels.stateChanged, args: [state] }]);
  });

  it('sends nothing with no window, a destroyed one, or one not showing our renderer', () => {
    expect(pushState(null, connectedState())).toBe(false);
    const destroyed = new FakeWebContents();
    destroyed.mainFrame.url = 'app://pacebar/index.html';
    destroyed.destroyed = true;
    expect(pushState(destroyed as never, connectedState())).toBe(false);
    const elsewhere = new FakeWebContents();
    elsewhere.mainFrame.url = 'https://evil.example/';
    expect(pushState(elsewhere as never, connectedState())).toBe(false);
    expect(elsewhere.sent).toEqual([]);
  });
});
