// Whether this copy of Pacebar checks for updates, with which electron-updater class, and whether it
// can install what it finds. Pure: the facts are read elsewhere (installFacts.ts), so every platform's
// answer is unit-tested on any machine.
import type { ManualUpdateReason } from '../../core/domain';

export interface InstallFacts {
  isPackaged: boolean;
  /** PACEBAR_DEMO=1: the demo against the simulator never asks GitHub for anything. */
  demo: boolean;
  platform: NodeJS.Platform;
  /** $APPIMAGE, which the AppImage runtime sets to the image's own path; undefined otherwise. */
  appImage: string | undefined;
  /** resources/package-type ("deb", "rpm", "pacman"), written by electron-builder into Linux packages; null when absent. */
  packageType: string | null;
  /** The release workflow stamps package.json with pacebarBuild.signed when a signing certificate was used. */
  signed: boolean;
}

/** electron-updater's classes: NsisUpdater, MacUpdater, AppImageUpdater, DebUpdater. */
export type UpdaterKind = 'nsis' | 'mac' | 'appimage' | 'deb';

export type UpdateSupport =
  | { checks: false; because: 'demo' | 'unpackaged' | 'unsupported_package' }
  | { checks: true; updater: UpdaterKind; install: 'self' }
  | { checks: true; updater: UpdaterKind; install: 'manual'; reason: ManualUpdateReason };

export function updateSupport(facts: InstallFacts): UpdateSupport {
  if (facts.demo) return { checks: false, because: 'demo' };
  // An unpackaged run (npm start) has no app-update.yml and no installer to replace.
  if (!facts.isPackaged) return { checks: false, because: 'unpackaged' };
  switch (facts.platform) {
    case 'win32':
      // NSIS installs unsigned updates too; a signed build's app-update.yml names its publisher and
      // electron-updater then refuses installers signed by anyone else.
      return { checks: true, updater: 'nsis', install: 'self' };
    case 'darwin':
      // Squirrel.Mac only swaps in an update whose code signature satisfies the running app's
      // designated requirement, which an ad-hoc signature (an unsigned build) never does.
      return facts.signed
        ? { checks: true, updater: 'mac', install: 'self' }
        : { checks: true, updater: 'mac', install: 'manual', reason: 'mac_unsigned' };
    case 'linux':
      // $APPIMAGE first: the deb and the AppImage are built from one linux-unpacked folder, so the
      // AppImage may carry the deb's package-type file too.
      if (facts.appImage) return { checks: true, updater: 'appimage', install: 'self' };
      // The package manager owns a .deb's files. electron-updater's DebUpdater would run `dpkg -i` as
      // root through pkexec on a package from GitHub; Pacebar leaves that to the person and apt.
      if (facts.packageType === 'deb') return { checks: true, updater: 'deb', install: 'manual', reason: 'deb' };
      return { checks: false, because: 'unsupported_package' };
    default:
      return { checks: false, because: 'unsupported_package' };
  }
}
