import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../fakes/electron'));

import { Menu, Tray, clickItem, host, nativeImage, resetFakes } from '../fakes/electron';
import { MAX_HOLD_MS, TrayController, menuTemplate, type TrayAction } from '../../../main/tray/trayController';
import { trayIconFile, trayIconPath } from '../../../main/system/paths';
import { NOW, baseState, connectedState, withUpdate } from '../fakes/state';

describe('TrayController', () => {
  beforeEach(() => {
    resetFakes();
    vi.mocked(nativeImage.createFromPath).mockClear();
  });

  it('macOS: template image, no click handler (the click shows the menu)', () => {
    const tray = new TrayController({ iconPath: '/res/tray/trayTemplate.png', platform: 'darwin', onAction: () => {}, now: () => NOW });
    const image = vi.mocked(nativeImage.createFromPath).mock.results[0]!.value as { setTemplateImage: ReturnType<typeof vi.fn> };
    expect(nativeImage.createFromPath).toHaveBeenCalledWith('/res/tray/trayTemplate.png');
    expect(image.setTemplateImage).toHaveBeenCalledWith(true);
    expect(Tray.instances[0]!.listenerCount('click')).toBe(0);
    tray.destroy();
  });

  it('Windows/Linux: a click opens the dashboard; not a template image', () => {
    const actions: TrayAction[] = [];
    const tray = new TrayController({ iconPath: 'C:\\res\\tray\\tray.ico', platform: 'win32', onAction: (a) => actions.push(a), now: () => NOW });
    const image = vi.mocked(nativeImage.createFromPath).mock.results[0]!.value as { setTemplateImage: ReturnType<typeof vi.fn> };
    expect(image.setTemplateImage).not.toHaveBeenCalled();
    Tray.instances[0]!.click();
    expect(actions).toEqual(['open']);
    tray.destroy();
  });

  it('renders tooltip and menu from the state; menu clicks call back with the action', () => {
    const actions: TrayAction[] = [];
    const tray = new TrayController({ iconPath: 'tray.png', platform: 'linux', onAction: (a) => actions.push(a), now: () => NOW });
    tray.update(connectedState());
    const fake = Tray.instances[0]!;
    expect(fake.tooltip).toBe('Pacebar · Marianne Vos\nRun · week 24.3 km · YTD 1,204 km');
    const template = fake.menu!.template;
    expect(template.map((t) => t.label ?? t.type)).toEqual([
      'Marianne Vos',
      'Run · week 24.3 km · YTD 1,204 km',
      'Updated 3 min ago',
      'separator',
      'Open dashboard',
      'Refresh now',
      'Disconnect',
      'Settings…',
      'separator',
      'Quit Pacebar',
    ]);
    expect(template.find((t) => t.label === 'Marianne Vos')!.click).toBeUndefined();
    for (const label of ['Open dashboard', 'Refresh now', 'Disconnect', 'Settings…', 'Quit Pacebar']) clickItem(template.find((t) => t.label === label));
    expect(actions).toEqual(['open', 'refresh', 'disconnect', 'settings', 'quit']);
    tray.update(baseState({ connection: { kind: 'needs_credentials' } }));
    expect(fake.menu!.template.find((t) => t.id === 'refresh')!.enabled).toBe(false);
    tray.destroy();
    expect(fake.destroyed).toBe(true);
  });

  it('re-renders on its own so "Updated … ago" stays true', () => {
    vi.useFakeTimers();
    try {
      let now = NOW;
      const tray = new TrayController({ iconPath: 'tray.png', platform: 'linux', onAction: () => {}, now: () => now, tickMs: 60_000 });
      tray.update(connectedState());
      now += 10 * 60_000;
      vi.advanceTimersByTime(60_000);
      expect(Tray.instances[0]!.menu!.template[2]!.label).toBe('Updated 13 min ago');
      tray.destroy();
      const builds = vi.mocked(Menu.buildFromTemplate).mock.calls.length;
      vi.advanceTimersByTime(5 * 60_000);
      expect(vi.mocked(Menu.buildFromTemplate).mock.calls.length).toBe(builds);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rebuilds the menu only when an item changed (the tooltip alone is set in place)', () => {
    vi.useFakeTimers();
    try {
      const tray = new TrayController({ iconPath: 'tray.png', platform: 'darwin', onAction: () => {}, now: () => NOW, tickMs: 60_000 });
      tray.update(connectedState());
      const builds = vi.mocked(Menu.buildFromTemplate).mock.calls.length;
      // Same minute, same labels: the 60-s tick and a repeated state change nothing.
      vi.advanceTimersByTime(60_000);
      tray.update(connectedState());
      expect(vi.mocked(Menu.buildFromTemplate).mock.calls.length).toBe(builds);
      tray.update(connectedState({ sync: { refreshing: true, offline: false, rateLimitedUntil: null, lastError: null, applicationInactive: false } }));
      expect(vi.mocked(Menu.buildFromTemplate).mock.calls.length).toBe(builds + 1);
      tray.destroy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('macOS: never replaces the menu while it is open; the change lands once it closes, and the click still counts', async () => {
    host.platform = 'darwin';
    const actions: TrayAction[] = [];
    const tray = new TrayController({ iconPath: 'tray.png', platform: 'darwin', onAction: (a) => actions.push(a), now: () => NOW });
    tray.update(connectedState());
    const fake = Tray.instances[0]!;
    fake.showMenu();
    const open = fake.menu!;
    // A poll finishes while the person reads the menu.
    tray.update(connectedState({ sync: { refreshing: true, offline: false, rateLimitedUntil: null, lastError: null, applicationInactive: false } }));
    expect(fake.menusClosedUnderPointer).toBe(0);
    expect(fake.menu).toBe(open);
    expect(fake.tooltip).toContain('Refreshing…');
    // The person chooses an item: the menu closes, then its click arrives.
    fake.closeMenu();
    clickItem(open.template.find((item) => item.id === 'open'));
    expect(actions).toEqual(['open']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.menu).not.toBe(open);
    expect(fake.menu!.template.map((item) => item.label)).toContain('Refreshing…');
    tray.destroy();
  });

  it('Linux and Windows: a menu is never held back, even by a host that says it opened and never closes', () => {
    for (const platform of ['linux', 'win32'] as const) {
      resetFakes();
      host.platform = platform;
      const tray = new TrayController({ iconPath: 'tray.png', platform, onAction: () => {}, now: () => NOW });
      tray.update(connectedState());
      const fake = Tray.instances[0]!;
      fake.showMenu();
      const shown = fake.menu;
      tray.update(connectedState({ sync: { refreshing: true, offline: false, rateLimitedUntil: null, lastError: null, applicationInactive: false } }));
      expect(fake.menu, platform).not.toBe(shown);
      expect(fake.menu!.template.map((item) => item.label), platform).toContain('Refreshing…');
      tray.destroy();
    }
  });

  it('macOS: a menu-will-close that never comes holds a change for MAX_HOLD_MS at most, then the tick applies it', () => {
    vi.useFakeTimers();
    try {
      host.platform = 'darwin';
      let now = NOW;
      const tray = new TrayController({ iconPath: 'tray.png', platform: 'darwin', onAction: () => {}, now: () => now, tickMs: 60_000 });
      tray.update(connectedState());
      const fake = Tray.instances[0]!;
      fake.showMenu();
      const open = fake.menu;
      tray.update(connectedState({ sync: { refreshing: true, offline: false, rateLimitedUntil: null, lastError: null, applicationInactive: false } }));
      now += MAX_HOLD_MS - 60_000;
      vi.advanceTimersByTime(60_000);
      expect(fake.menu).toBe(open);
      now += 60_000;
      vi.advanceTimersByTime(60_000);
      expect(fake.menu).not.toBe(open);
      expect(fake.menu!.template.map((item) => item.label)).toContain('Refreshing…');
      tray.destroy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('update items: the status line is not clickable; install, check and the download page call back', () => {
    const actions: TrayAction[] = [];
    const tray = new TrayController({ iconPath: 'tray.png', platform: 'linux', onAction: (a) => actions.push(a), now: () => NOW });
    const click = (label: string) => clickItem(Tray.instances[0]!.menu!.template.find((t) => t.label === label));
    tray.update(withUpdate(connectedState(), { kind: 'manual', version: '0.2.0', reason: 'deb' }));
    expect(Tray.instances[0]!.menu!.template.find((t) => t.label?.startsWith('Pacebar 0.2.0'))!.click).toBeUndefined();
    click('Open the download page…');
    click('Check for updates…');
    tray.update(withUpdate(connectedState(), { kind: 'ready', version: '0.2.0' }));
    click('Update ready: restart to install');
    expect(actions).toEqual(['openDownloadPage', 'checkForUpdates', 'installUpdate']);
    tray.destroy();
  });

  it('menuTemplate maps separators', () => {
    expect(menuTemplate([{ id: 'separator', label: '', enabled: true, type: 'separator' }], () => {})).toEqual([{ type: 'separator' }]);
  });
});

describe('tray icon paths', () => {
  it('per platform, from build/tray in development and resources/tray when packaged', () => {
    expect(trayIconFile('darwin')).toBe('trayTemplate.png');
    expect(trayIconFile('win32')).toBe('tray.ico');
    expect(trayIconFile('linux')).toBe('tray.png');
    expect(trayIconPath({ appPath: '/src/pacebar', isPackaged: false, resourcesPath: '/x' }, 'linux')).toBe('/src/pacebar/build/tray/tray.png');
    expect(trayIconPath({ appPath: '/x/app.asar', isPackaged: true, resourcesPath: '/opt/Pacebar/resources' }, 'darwin')).toBe(
      '/opt/Pacebar/resources/tray/trayTemplate.png',
    );
  });
});
