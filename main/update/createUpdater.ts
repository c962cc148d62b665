// Builds electron-updater's updater for this install. Loaded only when updates are on, so the demo
// and unpackaged runs never load electron-updater at all.
import type { Updater } from './updateService';
import type { UpdaterKind } from './updateSupport';

export async function createUpdater(kind: UpdaterKind): Promise<Updater> {
  // electron-updater is CommonJS. Its `autoUpdater` export is a getter that Node's ESM loader cannot
  // see, and it picks the Linux class from resources/package-type, which the AppImage may carry from
  // the deb build (see updateSupport). So: the module object, and the class updateSupport chose. Each
  // reads resources/app-update.yml (written by electron-builder from electron-builder.yml's publish).
  const { default: updater } = await import('electron-updater');
  switch (kind) {
    case 'nsis':
      return new updater.NsisUpdater();
    case 'mac':
      return new updater.MacUpdater();
    case 'appimage':
      return new updater.AppImageUpdater();
    case 'deb':
      return new updater.DebUpdater();
  }
}
