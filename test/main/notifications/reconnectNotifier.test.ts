import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Notification, fakeEvent, resetFakes } from '../fakes/electron';
import { DesktopNotifier, UNSUPPORTED } from '../../../main/notifications/desktopNotifier';
import { ReconnectNotifier, RECONNECT_BODY, RECONNECT_TITLE } from '../../../main/notifications/reconnectNotifier';
import { NOW, baseState } from '../fakes/state';
import { statusLines, trayMenuModel } from '../../../main/tray/trayMenuModel';

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A notifier over the fake OS: Electron's Notification as the fakes model it (it can fail). */
function fakeOs(supported = true) {
  return new DesktopNotifier({ createNotification: (options) => new Notification(options), isSupported: () => supported });
}

describe('desktop notifications', () => {
  beforeEach(() => resetFakes());

  it('shown, held until clicked (a collected Notification loses its handlers), the click handled', async () => {
    const notifier = fakeOs();
    const onClick = vi.fn();
    notifier.show({ title: 'T', body: 'B' }, { onClick });
    expect(Notification.instances.map((n) => n.options)).toEqual([{ title: 'T', body: 'B' }]);
    expect(Notification.instances[0]!.show).toHaveBeenCalledTimes(1);
    expect(notifier.pending()).toBe(1);
    Notification.instances[0]!.emit('click', fakeEvent());
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(notifier.pending()).toBe(0);
    notifier.show({ title: 'T2', body: 'B2' });
    Notification.instances[1]!.emit('close', fakeEvent());
    expect(notifier.pending()).toBe(0);
    await settle();
  });

  it('refused: the reason, its first line only; unsupported: said at once, nothing created', async () => {
    Notification.failure = 'Notifications are not allowed for this application\nsecond line';
    const undelivered: string[] = [];
    fakeOs().show({ title: 'T', body: 'B' }, { onUndelivered: (reason) => undelivered.push(reason) });
    await settle();
    expect(undelivered).toEqual(['Notifications are not allowed for this application']);
    fakeOs(false).show({ title: 'T', body: 'B' }, { onUndelivered: (reason) => undelivered.push(reason) });
    expect(undelivered.at(-1)).toBe(UNSUPPORTED);
    expect(Notification.instances).toHaveLength(1);
  });
});

describe('reconnect notification', () => {
  beforeEach(() => resetFakes());

  function setup(supported = true) {
    const openDashboard = vi.fn();
    const log = vi.fn();
    const notifier = new ReconnectNotifier({ notifier: fakeOs(supported), openDashboard, log });
    return { notifier, openDashboard, log };
  }

  it('each reported loss shows one notification with what to do; a click opens the dashboard', () => {
    const { notifier, openDashboard } = setup();
    notifier.reconnectNeeded();
    expect(Notification.instances.map((n) => n.options)).toEqual([{ title: RECONNECT_TITLE, body: RECONNECT_BODY }]);
    expect(RECONNECT_TITLE).toBe('Pacebar lost its Strava connection');
    expect(RECONNECT_BODY).toBe('Reconnect to keep your stats updating.');
    Notification.instances[0]!.emit('click', fakeEvent());
    expect(openDashboard).toHaveBeenCalledTimes(1);
    // The controller reports the next loss (after a reconnect): a new notification.
    notifier.reconnectNeeded();
    expect(Notification.instances).toHaveLength(2);
  });

  it('a notification the OS refused (unsigned macOS app, Windows without a shortcut): one log line, no retry; the tray line and the banner still say it', async () => {
    Notification.failure = 'Notifications are not allowed for this application';
    const { notifier, log } = setup();
    notifier.reconnectNeeded();
    await settle();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(
      'Pacebar: the system did not show the notification (Notifications are not allowed for this application); the tray and the dashboard say to reconnect',
    );
    expect(Notification.instances).toHaveLength(1);
    // What the person sees instead, for as long as the connection is lost.
    const lost = baseState({ connection: { kind: 'reconnect_needed' } });
    expect(statusLines(lost, NOW)).toEqual(['Reconnect needed: Strava access was lost']);
    expect(trayMenuModel(lost, NOW).items.map((item) => item.label)).toContain('Reconnect Strava…');
  });

  it('stays quiet where notifications are unsupported', () => {
    const { notifier, log } = setup(false);
    notifier.reconnectNeeded();
    expect(Notification.instances).toHaveLength(0);
    expect(log).not.toHaveBeenCalled();
  });
});
