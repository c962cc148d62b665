// Where the app's built files and tray icons are, in development and when packaged.
// Based on app.getAppPath() (the folder or app.asar holding package.json) rather than
// import.meta.url, so it holds whichever chunk of out/main the code ends up in.
import { join } from 'node:path';

export interface AppLocation {
  appPath: string;
  isPackaged: boolean;
  resourcesPath: string;
}

/** electron-vite's renderer output (served through app://). */
export function rendererDir(location: Pick<AppLocation, 'appPath'>): string {
  return join(location.appPath, 'out', 'renderer');
}

/** electron-vite's preload output: one CommonJS file, as sandboxed preloads require. */
export function preloadPath(location: Pick<AppLocation, 'appPath'>): string {
  return join(location.appPath, 'out', 'preload', 'index.cjs');
}

/** build/tray in development; resources/tray when packaged (electron-builder extraResources). */
export function trayIconDir(location: AppLocation): string {
  return location.isPackaged ? join(location.resourcesPath, 'tray') : join(location.appPath, 'build', 'tray');
}

/** macOS wants a template image (drawn in the menu bar's colour), Windows an .ico, Linux a PNG. */
export function trayIconFile(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'trayTemplate.png';
  if (platform === 'win32') return 'tray.ico';
  return 'tray.png';
}

export function trayIconPath(location: AppLocation, platform: NodeJS.Platform): string {
  return join(trayIconDir(location), trayIconFile(platform));
}
