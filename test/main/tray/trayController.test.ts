import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../fakes/electron'));

import { FakeNativeImage, Menu, Tray, clickItem, host, nativeImage, nativeTheme, resetFakes, screen, type FakeMenuItem } from '../fakes/electron';
import { MAX_HOLD_MS, TrayController, menuLabel, menuTemplate, type TrayAction } from '../../../main/tray/trayController';
import { trayIconFile, trayIconPath } from '../../../main/system/paths';
import { decodePng } from '../../../main/tray/icon/png';
import { ringIcon, type RingFace, type RingLook } from '../../../main/tray/icon/ringIcon';
import type { DashboardState } from '../../../core/domain';
import { NOW, baseState, connectedState, withUpdate } from '../fakes/state';
import { pixelDifference } from '../../support/pixels';
import { RIDE_WEEK, RUN_MONTH, activity, goalView, withGoals, withRecent } from '../fakes/goals';

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

describe('TrayController: the glance', () => {
  beforeEach(() => {
    resetFakes();
    vi.mocked(Menu.buildFromTemplate).mockClear();
  });

  const refreshing = (state: DashboardState): DashboardState => ({ ...state, sync: { ...state.sync, refreshing: true } });
  const ahead = (distance = 92_000) => withGoals(connectedState(), [goalView(RIDE_WEEK, { distance }), goalView(RUN_MONTH, { count: 5 })]);
  const trayOn = (platform: NodeJS.Platform, options: { onOpenActivity?: (id: number) => void; now?: () => number } = {}) => {
    host.platform = platform;
    const controller = new TrayController({ iconPath: `/res/tray/${trayIconFile(platform)}`, platform, onAction: () => {}, now: options.now ?? (() => NOW), ...options });
    return { controller, fake: Tray.instances.at(-1)! };
  };
  const image = (fake: Tray) => fake.image as FakeNativeImage;
  /** How the tray's image differs from the ring drawn at these two sizes (1× and 2×): [] when it is that ring. */
  const differences = (fake: Tray, face: RingFace, look: RingLook, sizes: [number, number]) => {
    const reps = image(fake).representations;
    if (reps.map((rep) => rep.scaleFactor).join() !== '1,2') return [`scale factors ${reps.map((rep) => rep.scaleFactor).join()}`];
    return reps.flatMap((rep, index) => pixelDifference(decodePng(rep.buffer), ringIcon(face, look, sizes[index]!)) ?? []);
  };

  it('macOS: the menu-bar title is the glance title, set in place (no menu rebuilt) and only when it changed', () => {
    const { controller, fake } = trayOn('darwin');
    controller.update(ahead());
    expect(fake.getTitle()).toBe('92/150 km');
    expect(fake.setTitle).toHaveBeenLastCalledWith('92/150 km', { fontType: 'monospacedDigit' });
    const builds = vi.mocked(Menu.buildFromTemplate).mock.calls.length;
    // The week's figure instead of the goal's: only the title changes.
    controller.update(withGoals(connectedState(), ahead().goals, { menuBarTitle: 'week' }));
    expect(fake.getTitle()).toBe('24.3 km');
    expect(vi.mocked(Menu.buildFromTemplate).mock.calls.length).toBe(builds);
    controller.update(withGoals(connectedState(), ahead().goals, { menuBarTitle: 'week' }));
    expect(fake.setTitle).toHaveBeenCalledTimes(2);
    // 'off', or nothing to show (signed out): the icon alone.
    controller.update(withGoals(connectedState(), ahead().goals, { menuBarTitle: 'off' }));
    expect(fake.getTitle()).toBe('');
    controller.update(baseState());
    expect(fake.setTitle).toHaveBeenCalledTimes(3);
    controller.destroy();
  });

  it('Linux and Windows have no title: setTitle is never called (Electron ignores it there)', () => {
    for (const platform of ['linux', 'win32'] as const) {
      resetFakes();
      const { controller, fake } = trayOn(platform);
      controller.update(ahead());
      expect(fake.setTitle, platform).not.toHaveBeenCalled();
      expect(fake.getTitle(), platform).toBe('');
      controller.destroy();
    }
  });

  it('macOS: the primary goal as a template ring, 16 pt at 1× and 2×; its own pixels, not a stretched file', () => {
    const { controller, fake } = trayOn('darwin');
    expect((fake.image as FakeNativeImage).path).toBe('/res/tray/trayTemplate.png');
    controller.update(ahead());
    expect(image(fake).isTemplateImage()).toBe(true);
    expect(differences(fake, { percent: 61, status: 'ahead' }, 'template', [16, 32])).toEqual([]);
    controller.destroy();
  });

  it('Linux: 22 px (44 px at 2×), light or dark by the theme, redrawn when the theme changes', () => {
    const { controller, fake } = trayOn('linux');
    controller.update(ahead());
    expect(image(fake).isTemplateImage()).toBe(false);
    expect(differences(fake, { percent: 61, status: 'ahead' }, 'light', [22, 44])).toEqual([]);
    nativeTheme.set({ apps: true });
    expect(differences(fake, { percent: 61, status: 'ahead' }, 'dark', [22, 44])).toEqual([]);
    expect(fake.setImage).toHaveBeenCalledTimes(2);
    controller.destroy();
    // A destroyed tray no longer listens.
    nativeTheme.set({ apps: false });
    expect(fake.setImage).toHaveBeenCalledTimes(2);
  });

  it('Windows: the taskbar\'s own mode decides the look; the 1× is drawn at the display\'s small-icon size', () => {
    screen.scaleFactor = 1.5;
    const { controller, fake } = trayOn('win32');
    nativeTheme.set({ apps: false, system: true });
    controller.update(ahead());
    expect(differences(fake, { percent: 61, status: 'ahead' }, 'dark', [24, 32])).toEqual([]);
    screen.setScaleFactor(2);
    expect(differences(fake, { percent: 61, status: 'ahead' }, 'dark', [32, 32])).toEqual([]);
    // The apps' mode alone changes nothing on the taskbar.
    const calls = fake.setImage.mock.calls.length;
    nativeTheme.set({ apps: true });
    expect(fake.setImage.mock.calls.length).toBe(calls);
    controller.destroy();
  });

  it('redrawn only when the ring changes by a whole percent or its status; a theme change on macOS draws nothing', () => {
    const { controller, fake } = trayOn('darwin');
    controller.update(ahead(92_000)); // 61.3 %
    controller.update(ahead(92_300)); // 61.5 %
    controller.update(refreshing(ahead(92_300)));
    expect(fake.setImage).toHaveBeenCalledTimes(1);
    controller.update(ahead(93_100)); // 62.1 %
    expect(fake.setImage).toHaveBeenCalledTimes(2);
    nativeTheme.set({ apps: true });
    expect(fake.setImage).toHaveBeenCalledTimes(2);
    // Reached: the full ring.
    controller.update(ahead(150_000));
    expect(differences(fake, { percent: 100, status: 'reached' }, 'template', [16, 32])).toEqual([]);
    controller.destroy();
  });

  it('the plain icon without a goal to show: no goals, still counting, the plain setting, signed out', () => {
    const { controller, fake } = trayOn('linux');
    controller.update(connectedState());
    controller.update(withGoals(connectedState(), [goalView(RIDE_WEEK, null)]));
    expect(fake.setImage).not.toHaveBeenCalled();
    controller.update(ahead());
    expect(image(fake).path).toBeNull();
    controller.update(withGoals(connectedState(), ahead().goals, { trayIcon: 'plain' }));
    expect(image(fake).path).toBe('/res/tray/tray.png');
    controller.update(ahead());
    controller.update(baseState());
    expect(image(fake).path).toBe('/res/tray/tray.png');
    expect(fake.setImage).toHaveBeenCalledTimes(4);
    controller.destroy();
  });

  it('"Recent activities": each item opens its activity; names keep their "&" (not a mnemonic)', () => {
    const opened: number[] = [];
    const { controller, fake } = trayOn('win32', { onOpenActivity: (id) => opened.push(id) });
    const ride = activity({ name: 'Tom & Jerry ride', sportType: 'Ride', distance: 50_000, start: NOW - 3_600_000, startLocal: NOW - 3_600_000 });
    controller.update(withRecent(connectedState(), [ride, activity()]));
    const recent = fake.menu!.template.find((entry) => entry.label === 'Recent activities')!;
    const entries = recent.submenu as FakeMenuItem[];
    expect(entries.map((entry) => entry.label)).toEqual(['Tom && Jerry ride · 50.0 km · 52m · Wed 18 Nov', 'Morning Run · 10.2 km · 52m · Mon 16 Nov']);
    clickItem(entries[0]);
    expect(opened).toEqual([ride.id]);
    expect(recent.click).toBeUndefined();
    expect(menuLabel('A && B & C')).toBe('A &&&& B && C');
    controller.destroy();
  });

  it('macOS: a submenu that closes while the menu stays open holds the change; choosing an item lands it', async () => {
    const { controller, fake } = trayOn('darwin');
    controller.update(withRecent(connectedState(), [activity()]));
    fake.showMenu();
    fake.openSubmenu();
    fake.closeSubmenu(); // menu-will-close, and the menu is still on screen
    const open = fake.menu!;
    controller.update(refreshing(withRecent(connectedState(), [activity()])));
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.menusClosedUnderPointer).toBe(0);
    expect(fake.menu).toBe(open);
    // The person chooses "Open dashboard": the menu closes (no event comes: Electron already said it closed).
    fake.closeMenu();
    clickItem(open.template.find((entry) => entry.id === 'open'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.menu).not.toBe(open);
    expect(fake.menu!.template.map((entry) => entry.label)).toContain('Refreshing…');
    expect(fake.menusClosedUnderPointer).toBe(0);
    controller.destroy();
  });

  it('macOS: after a submenu, a menu dismissed without a choice holds a change for MAX_HOLD_MS at most', () => {
    vi.useFakeTimers();
    try {
      let now = NOW;
      const { controller, fake } = trayOn('darwin', { now: () => now });
      controller.update(withRecent(connectedState(), [activity()]));
      fake.showMenu();
      fake.openSubmenu();
      fake.closeMenu(); // the submenu and the menu close: one menu-will-close, as from the submenu alone
      const shown = fake.menu;
      controller.update(refreshing(withRecent(connectedState(), [activity()])));
      vi.advanceTimersByTime(0);
      expect(fake.menu).toBe(shown);
      now += MAX_HOLD_MS;
      vi.advanceTimersByTime(60_000);
      expect(fake.menu).not.toBe(shown);
      expect(fake.menu!.template.map((entry) => entry.label)).toContain('Refreshing…');
      controller.destroy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('macOS: without a submenu a close still lands the change at once (no needless hold)', async () => {
    const { controller, fake } = trayOn('darwin');
    controller.update(withRecent(connectedState(), [activity()]));
    fake.showMenu();
    const open = fake.menu!;
    controller.update(refreshing(withRecent(connectedState(), [activity()])));
    expect(fake.menu).toBe(open);
    fake.closeMenu();
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.menu).not.toBe(open);
    controller.destroy();
  });

  it('Linux: submenu events hold nothing', () => {
    const { controller, fake } = trayOn('linux');
    controller.update(withRecent(connectedState(), [activity()]));
    fake.showMenu();
    fake.openSubmenu();
    const shown = fake.menu;
    controller.update(refreshing(withRecent(connectedState(), [activity()])));
    expect(fake.menu).not.toBe(shown);
    controller.destroy();
  });

  it('a submenu\'s content counts as an item: a new recent activity rebuilds the menu, the same list does not', () => {
    const { controller } = trayOn('linux');
    const first = activity();
    controller.update(withRecent(connectedState(), [first]));
    const builds = vi.mocked(Menu.buildFromTemplate).mock.calls.length;
    controller.update(withRecent(connectedState(), [first]));
    expect(vi.mocked(Menu.buildFromTemplate).mock.calls.length).toBe(builds);
    controller.update(withRecent(connectedState(), [first, activity({ name: 'Lunch Run', start: NOW - 3_600_000, startLocal: NOW - 3_600_000 })]));
    expect(vi.mocked(Menu.buildFromTemplate).mock.calls.length).toBe(builds + 1);
    controller.destroy();
  });

  it('notices the notifications could not show are menu lines until replaced', () => {
    const { controller, fake } = trayOn('linux');
    controller.update(connectedState());
    controller.setNotices(['Your week: Run 24.3 km']);
    expect(fake.menu!.template.find((entry) => entry.id === 'notice')).toMatchObject({ label: 'Your week: Run 24.3 km', enabled: false });
    controller.setNotices([]);
    expect(fake.menu!.template.some((entry) => entry.id === 'notice')).toBe(false);
    controller.destroy();
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
