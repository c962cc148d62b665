import { describe, expect, it, vi } from 'vitest';
import { trayActionHandler, type TrayActionDeps } from '../../../main/tray/trayActions';
import { baseState, connectedState } from '../fakes/state';
import type { DashboardState } from '../../../core/domain';

function deps(state: DashboardState) {
  return {
    openDashboard: vi.fn(),
    state: () => state,
    refresh: vi.fn(),
    connect: vi.fn(),
    confirmAndDisconnect: vi.fn(),
    installUpdate: vi.fn(),
    checkForUpdates: vi.fn(),
    openDownloadPage: vi.fn(),
    quit: vi.fn(),
  } satisfies TrayActionDeps;
}

describe('trayActionHandler', () => {
  it('open, settings, refresh, disconnect and quit each call their one function', () => {
    const d = deps(connectedState());
    const act = trayActionHandler(d);
    act('open');
    expect(d.openDashboard).toHaveBeenLastCalledWith();
    act('settings');
    expect(d.openDashboard).toHaveBeenLastCalledWith('settings');
    act('refresh');
    act('disconnect');
    act('quit');
    expect([d.refresh, d.confirmAndDisconnect, d.quit].map((fn) => fn.mock.calls.length)).toEqual([1, 1, 1]);
    expect(d.connect).not.toHaveBeenCalled();
  });

  it('the update items each call their one function, and nothing else', () => {
    const d = deps(connectedState());
    const act = trayActionHandler(d);
    act('installUpdate');
    act('checkForUpdates');
    act('checkForUpdates');
    act('openDownloadPage');
    expect([d.installUpdate, d.checkForUpdates, d.openDownloadPage].map((fn) => fn.mock.calls.length)).toEqual([1, 2, 1]);
    for (const other of [d.openDashboard, d.refresh, d.connect, d.confirmAndDisconnect, d.quit]) expect(other).not.toHaveBeenCalled();
  });

  it('connect opens the dashboard and signs in with the remembered method when an application is stored', () => {
    const d = deps(baseState({ settings: { ...baseState().settings, signInMethod: 'browser' } }));
    trayActionHandler(d)('connect');
    expect(d.openDashboard).toHaveBeenCalledTimes(1);
    expect(d.connect).toHaveBeenCalledWith('browser');
    const again = deps(baseState({ connection: { kind: 'reconnect_needed' } }));
    trayActionHandler(again)('connect');
    expect(again.connect).toHaveBeenCalledWith('window');
  });

  it('connect without an API application only opens the dashboard (it asks for one)', () => {
    const d = deps(baseState({ connection: { kind: 'needs_credentials' } }));
    trayActionHandler(d)('connect');
    expect(d.openDashboard).toHaveBeenCalledTimes(1);
    expect(d.connect).not.toHaveBeenCalled();
  });
});
