// The updater glue against a mocked electron-updater (test/main/fakes/electronUpdater.ts): every path
// the tray can show, from the real createUpdater through UpdateService to the UpdateView main
// publishes. No real time: the daily check runs on fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron-updater', () => import('../fakes/electronUpdater'));

import { FakeUpdater, resetUpdaterFakes, type Outcome } from '../fakes/electronUpdater';
import type { UpdateView } from '../../../core/domain';
import { createUpdater } from '../../../main/update/createUpdater';
import { LATEST_RELEASE_URL } from '../../../main/update/releasePage';
import { CHECK_EVERY_MS } from '../../../main/update/updateService';
import type { InstallFacts } from '../../../main/update/updateSupport';
import { createUpdates } from '../../../main/update/updates';

const NOW = Date.UTC(2026, 10, 18, 9);
const appImage: InstallFacts = { isPackaged: true, demo: false, platform: 'linux', appImage: '/home/me/Pacebar.AppImage', packageType: null, signed: false };

function rig(facts: InstallFacts, outcomes: Outcome[] = [{ kind: 'none' }]) {
  const views: UpdateView[] = [];
  const logs: string[] = [];
  const openExternal = vi.fn(async (_url: string) => {});
  const made: string[] = [];
  const updates = createUpdates({
    facts,
    createUpdater: async (kind) => {
      made.push(kind);
      const updater = await createUpdater(kind);
      (updater as unknown as FakeUpdater).outcomes = outcomes;
      return updater;
    },
    onChange: (view) => views.push(view),
    openExternal,
    log: (line) => logs.push(line),
    now: () => NOW,
  });
  const fake = () => FakeUpdater.instances.at(-1)!;
  return { updates, views, logs, openExternal, made, fake, last: () => views.at(-1) };
}

beforeEach(() => resetUpdaterFakes());
afterEach(() => vi.useRealTimers());

describe('updates: no check where there must be none', () => {
  it.each([
    ['the demo', { ...appImage, demo: true }],
    ['an unpackaged run (npm start)', { ...appImage, isPackaged: false }],
    ['a Linux build that is neither the AppImage nor the deb', { ...appImage, appImage: undefined, packageType: null }],
  ])('%s: electron-updater is never created, nothing is checked, the tray shows nothing', async (_name, facts) => {
    const r = rig(facts);
    await r.updates.start();
    await r.updates.check();
    r.updates.install();
    expect(r.updates.support.checks).toBe(false);
    expect(r.made).toEqual([]);
    expect(FakeUpdater.instances).toEqual([]);
    expect(r.views).toEqual([]);
  });
});

describe('updates: a copy that installs itself (AppImage here; NSIS and signed macOS alike)', () => {
  it('no update: checking, then idle with the time of the check; nothing is downloaded', async () => {
    const r = rig(appImage);
    await r.updates.start();
    expect(r.made).toEqual(['appimage']);
    expect(r.fake().checks).toBe(1);
    expect(r.views).toEqual([{ kind: 'idle', checkedAt: null }, { kind: 'checking' }, { kind: 'idle', checkedAt: new Date(NOW).toISOString() }]);
    expect(r.fake().downloads).toBe(0);
  });

  it('update downloaded: downloads in the background, then waits for the person to choose to install', async () => {
    const r = rig(appImage, [{ kind: 'update', version: '0.2.0' }]);
    await r.updates.start();
    expect(r.fake().autoDownload).toBe(true);
    await r.fake().downloadSettled;
    expect(r.views.slice(1)).toEqual([{ kind: 'checking' }, { kind: 'downloading', version: '0.2.0' }, { kind: 'ready', version: '0.2.0' }]);
    // Nothing installs until "Update ready: restart to install" is clicked.
    expect(r.fake().quitAndInstall).not.toHaveBeenCalled();
    // A ready update is not checked for again, by the day timer or by hand.
    await r.updates.check();
    expect(r.fake().checks).toBe(1);
    r.updates.install();
    expect(r.fake().quitAndInstall).toHaveBeenCalledTimes(1);
    // Silent install, then the new version starts (electron-updater's quitAndInstall(isSilent, isForceRunAfter)).
    expect(r.fake().quitAndInstall).toHaveBeenCalledWith(true, true);
  });

  it('an install that fails says so in one line and lets the person check again', async () => {
    const r = rig(appImage, [{ kind: 'update', version: '0.2.0' }]);
    await r.updates.start();
    await r.fake().downloadSettled;
    r.fake().quitAndInstall.mockImplementation(() => {
      r.fake().emit('error', new Error('spawn /tmp/x EACCES'));
    });
    r.updates.install();
    expect(r.last()).toEqual({ kind: 'error', message: 'Couldn’t install the update: something went wrong (details are in the log)' });
  });

  it('a check error is one quiet line, set once although electron-updater both emits and rejects it', async () => {
    const offline = Object.assign(new Error('Unable to find latest version on GitHub (https://github.com/pacebar/pacebar/releases/latest), please ensure a production release exists: Error: net::ERR_INTERNET_DISCONNECTED\n    at SimpleURLLoaderWrapper.<anonymous>'), {
      code: 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND',
    });
    const r = rig(appImage, [{ kind: 'fail', error: offline }, { kind: 'none' }]);
    await r.updates.start();
    expect(r.views.slice(1)).toEqual([{ kind: 'checking' }, { kind: 'error', message: 'Couldn’t check for updates: you seem to be offline' }]);
    // "Check for updates…" tries again, and success clears the line.
    await r.updates.check();
    expect(r.last()).toEqual({ kind: 'idle', checkedAt: new Date(NOW).toISOString() });
    expect(r.fake().checks).toBe(2);
  });

  it('a download error names the download, and its rejected promise is handled (no unhandled rejection)', async () => {
    const broken = Object.assign(new Error('sha512 checksum mismatch, expected x, got y'), { code: 'ERR_CHECKSUM_MISMATCH' });
    const r = rig(appImage, [{ kind: 'update', version: '0.2.0', downloadError: broken }]);
    await r.updates.start();
    await r.fake().downloadSettled;
    expect(r.last()).toEqual({ kind: 'error', message: 'Couldn’t download the update: the download was damaged (checksum mismatch)' });
    // vitest fails the run on an unhandled rejection: reaching the end of the test with the download
    // rejected proves UpdateService handled it.
    await new Promise((resolve) => setImmediate(resolve));
  });

  it('checks at start and then once a day, never more often, and stops with the app', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const r = rig(appImage);
    await r.updates.start();
    expect(r.fake().checks).toBe(1);
    // The async variant lets each check's promise settle before the next tick of the timer.
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS - 1);
    expect(r.fake().checks).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.fake().checks).toBe(2);
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
    expect(r.fake().checks).toBe(3);
    r.updates.stop();
    await vi.advanceTimersByTimeAsync(3 * CHECK_EVERY_MS);
    expect(r.fake().checks).toBe(3);
  });

  it('"Check for updates…" while a check runs does not start a second one', async () => {
    const r = rig(appImage);
    await r.updates.start();
    const second = r.updates.check();
    const third = r.updates.check();
    await Promise.all([second, third]);
    // start's check, then one for the two overlapping clicks.
    expect(r.fake().checks).toBe(2);
  });

  it('sends nothing of its own: no auth header, no request headers, logs cut to one line', async () => {
    const r = rig(appImage, [{ kind: 'update', version: '0.2.0' }]);
    await r.updates.start();
    await r.fake().downloadSettled;
    expect(r.fake().addAuthHeader).not.toHaveBeenCalled();
    expect(r.fake().requestHeaders).toBeNull();
    const logger = r.fake().logger as { info(m: string): void; error(m: string): void };
    logger.error('Error: Cannot parse releases feed: x,\nXML:\n<feed>…</feed>');
    expect(r.logs).toEqual(['updater error: Error: Cannot parse releases feed: x,']);
  });

  it('an updater that cannot be created (for example a version it cannot parse) is one line, and a check retries', async () => {
    const views: UpdateView[] = [];
    let attempts = 0;
    const updates = createUpdates({
      facts: appImage,
      createUpdater: async () => {
        attempts += 1;
        throw Object.assign(new Error('App version is not a valid semver version: "dev"'), { code: 'ERR_UPDATER_INVALID_VERSION' });
      },
      onChange: (view) => views.push(view),
      openExternal: async () => {},
      log: () => {},
    });
    await updates.start();
    expect(views).toEqual([{ kind: 'error', message: 'Couldn’t check for updates: the release information could not be read' }]);
    await updates.check();
    expect(attempts).toBe(2);
  });
});

describe('updates: a copy that cannot install itself', () => {
  it.each([
    ['the deb', { ...appImage, appImage: undefined, packageType: 'deb' }, 'deb', 'deb'],
    ['an unsigned macOS build', { ...appImage, platform: 'darwin', appImage: undefined }, 'mac', 'mac_unsigned'],
  ] as const)('%s: checks, downloads nothing, says so, and offers the release page', async (_name, facts, updater, reason) => {
    const r = rig(facts, [{ kind: 'update', version: '0.2.0' }]);
    await r.updates.start();
    expect(r.made).toEqual([updater]);
    expect(r.fake().autoDownload).toBe(false);
    expect(r.fake().autoInstallOnAppQuit).toBe(false);
    expect(r.fake().downloads).toBe(0);
    expect(r.last()).toEqual({ kind: 'manual', version: '0.2.0', reason });
    r.updates.install();
    expect(r.fake().quitAndInstall).not.toHaveBeenCalled();
    await r.updates.openDownloadPage();
    expect(r.openExternal).toHaveBeenCalledWith('https://github.com/pacebar/pacebar/releases/latest');
    expect(LATEST_RELEASE_URL).toBe('https://github.com/pacebar/pacebar/releases/latest');
  });

  it('a browser that cannot be opened is logged, never thrown', async () => {
    const r = rig({ ...appImage, appImage: undefined, packageType: 'deb' });
    r.openExternal.mockRejectedValueOnce(new Error('no browser'));
    await r.updates.openDownloadPage();
    expect(r.logs).toEqual([`updater warn: could not open ${LATEST_RELEASE_URL}`]);
  });
});

describe('createUpdater', () => {
  it('builds the class updateSupport chose, not the package-type guess of electron-updater’s autoUpdater', async () => {
    for (const kind of ['nsis', 'mac', 'appimage', 'deb'] as const) {
      const updater = (await createUpdater(kind)) as unknown as FakeUpdater;
      expect(updater.kind).toBe(kind);
    }
  });
});
