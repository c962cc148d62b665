// The preload exposes exactly PacebarApi's named functions and never the IPC event or ipcRenderer.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fakes/electron'));

import { contextBridge, ipcRenderer } from './fakes/electron';
import { EventChannels, InvokeChannels, type PacebarApi } from '../../preload/contract';

let api: PacebarApi;
beforeAll(async () => {
  await import('../../preload/index');
  const [name, exposed] = vi.mocked(contextBridge.exposeInMainWorld).mock.calls[0]!;
  expect(name).toBe('pacebar');
  api = exposed as PacebarApi;
});

describe('preload', () => {
  it('exposes only the named functions of the contract', () => {
    expect(Object.keys(api).sort()).toEqual(
      ['getState', 'saveCredentials', 'connect', 'cancelConnect', 'disconnect', 'refresh', 'updateSettings', 'addGoal', 'removeGoal', 'openAthleteOnStrava', 'openActivityOnStrava', 'openStravaApiSettings', 'quit', 'onStateChanged'].sort(),
    );
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  });

  it('each call invokes its channel with its argument only', async () => {
    const invoke = vi.mocked(ipcRenderer.invoke);
    invoke.mockClear();
    await api.getState();
    await api.saveCredentials({ clientId: '1', clientSecret: 's' });
    await api.connect('browser');
    await api.cancelConnect();
    await api.disconnect();
    await api.refresh();
    await api.updateSettings({ units: 'imperial' });
    await api.addGoal({ sport: 'ride', period: 'week', measure: 'distance', target: 150_000 });
    await api.removeGoal(3);
    await api.openAthleteOnStrava();
    await api.openActivityOnStrava(77);
    await api.openStravaApiSettings();
    await api.quit();
    expect(invoke.mock.calls).toEqual([
      [InvokeChannels.getState],
      [InvokeChannels.saveCredentials, { clientId: '1', clientSecret: 's' }],
      [InvokeChannels.connect, 'browser'],
      [InvokeChannels.cancelConnect],
      [InvokeChannels.disconnect],
      [InvokeChannels.refresh],
      [InvokeChannels.updateSettings, { units: 'imperial' }],
      [InvokeChannels.addGoal, { sport: 'ride', period: 'week', measure: 'distance', target: 150_000 }],
      [InvokeChannels.removeGoal, 3],
      [InvokeChannels.openAthleteOnStrava],
      [InvokeChannels.openActivityOnStrava, 77],
      [InvokeChannels.openStravaApiSettings],
      [InvokeChannels.quit],
    ]);
  });

  it('onStateChanged passes the state alone and unsubscribes', () => {
    const seen: unknown[][] = [];
    const off = api.onStateChanged((...args: unknown[]) => seen.push(args));
    const fakeEvent = { sender: 'ipcRenderer', ports: [] };
    ipcRenderer.emit(EventChannels.stateChanged, fakeEvent, { loading: false });
    expect(seen).toEqual([[{ loading: false }]]);
    off();
    ipcRenderer.emit(EventChannels.stateChanged, fakeEvent, { loading: true });
    expect(seen).toHaveLength(1);
    expect(ipcRenderer.listenerCount(EventChannels.stateChanged)).toBe(0);
    expect(() => api.onStateChanged('nope' as never)).toThrow(TypeError);
  });

  it('imports only electron and the contract', () => {
    const source = readFileSync(new URL('../../preload/index.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    expect(imports.sort()).toEqual(['./contract', 'electron']);
  });
});
