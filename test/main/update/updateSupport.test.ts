// Which copies check for updates, with which electron-updater class, and which can install them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSignedBuild, readInstallFacts } from '../../../main/update/installFacts';
import { updateSupport, type InstallFacts } from '../../../main/update/updateSupport';

const packaged: InstallFacts = { isPackaged: true, demo: false, platform: 'win32', appImage: undefined, packageType: null, signed: false };

describe('updateSupport', () => {
  it('Windows (NSIS) installs its own updates, signed or not', () => {
    expect(updateSupport(packaged)).toEqual({ checks: true, updater: 'nsis', install: 'self' });
    expect(updateSupport({ ...packaged, signed: true })).toEqual({ checks: true, updater: 'nsis', install: 'self' });
  });

  it('macOS installs its own updates only when signed; an unsigned build checks and sends you to the download page', () => {
    expect(updateSupport({ ...packaged, platform: 'darwin', signed: true })).toEqual({ checks: true, updater: 'mac', install: 'self' });
    expect(updateSupport({ ...packaged, platform: 'darwin' })).toEqual({ checks: true, updater: 'mac', install: 'manual', reason: 'mac_unsigned' });
  });

  it('Linux: the AppImage installs its own; the deb checks only; anything else does not check', () => {
    const linux = { ...packaged, platform: 'linux' as const };
    expect(updateSupport({ ...linux, appImage: '/home/me/Apps/Pacebar.AppImage' })).toEqual({ checks: true, updater: 'appimage', install: 'self' });
    // The AppImage may carry the deb's package-type file (both come from one linux-unpacked folder): $APPIMAGE wins.
    expect(updateSupport({ ...linux, appImage: '/home/me/Pacebar.AppImage', packageType: 'deb' })).toMatchObject({ updater: 'appimage', install: 'self' });
    expect(updateSupport({ ...linux, packageType: 'deb' })).toEqual({ checks: true, updater: 'deb', install: 'manual', reason: 'deb' });
    expect(updateSupport({ ...linux, packageType: 'rpm' })).toEqual({ checks: false, because: 'unsupported_package' });
    expect(updateSupport(linux)).toEqual({ checks: false, because: 'unsupported_package' });
  });

  it('never in the demo or an unpackaged run, on any platform', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(updateSupport({ ...packaged, platform, demo: true, signed: true, appImage: '/x.AppImage' })).toEqual({ checks: false, because: 'demo' });
      expect(updateSupport({ ...packaged, platform, isPackaged: false, signed: true, appImage: '/x.AppImage' })).toEqual({ checks: false, because: 'unpackaged' });
    }
  });
});

describe('readInstallFacts', () => {
  it('reads the signing stamp from the app’s package.json and the package type from resources', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacebar-facts-'));
    try {
      const app = join(dir, 'app');
      const resources = join(dir, 'resources');
      for (const folder of [app, resources]) mkdirSync(folder);
      writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pacebar', version: '0.2.0', pacebarBuild: { signed: true } }));
      writeFileSync(join(resources, 'package-type'), 'deb\n');
      const location = { appPath: app, resourcesPath: resources, isPackaged: true, platform: 'linux' as const, env: { PACEBAR_DEMO: '0' } };
      expect(readInstallFacts(location)).toEqual({ isPackaged: true, demo: false, platform: 'linux', appImage: undefined, packageType: 'deb', signed: true });
      expect(readInstallFacts({ ...location, env: { PACEBAR_DEMO: '1', APPIMAGE: '/a/Pacebar.AppImage' } })).toMatchObject({ demo: true, appImage: '/a/Pacebar.AppImage' });
      // Unpackaged: the checkout's own files are not the app's; nothing is read.
      expect(readInstallFacts({ ...location, isPackaged: false })).toMatchObject({ packageType: null, signed: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('missing files mean unsigned and no package type', () => {
    const facts = readInstallFacts({ appPath: '/nonexistent/app.asar', resourcesPath: '/nonexistent', isPackaged: true, platform: 'darwin', env: {} });
    expect(facts).toMatchObject({ signed: false, packageType: null });
  });

  it('only a well-formed stamp counts as signed', () => {
    expect(isSignedBuild('{"pacebarBuild":{"signed":true}}')).toBe(true);
    for (const text of ['{}', '{"pacebarBuild":{"signed":"true"}}', '{"pacebarBuild":true}', 'not json', '{"pacebarBuild":{"signed":false}}']) {
      expect(isSignedBuild(text), text).toBe(false);
    }
  });
});
