// Reads the facts updateSupport decides on: the packaged app's own package.json (for the release
// workflow's signing stamp) and electron-builder's resources/package-type marker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import type { InstallFacts } from './updateSupport';

export interface InstallLocation {
  /** app.getAppPath(): the folder or app.asar holding package.json. */
  appPath: string;
  resourcesPath: string;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
}

/** Only the stamp is read; anything else in package.json, or a malformed stamp, counts as unsigned. */
const buildStamp = z.object({ pacebarBuild: z.object({ signed: z.literal(true) }) });

export function isSignedBuild(packageJson: string): boolean {
  try {
    return buildStamp.safeParse(JSON.parse(packageJson)).success;
  } catch {
    return false;
  }
}

function readOrNull(readFile: (path: string) => string, path: string): string | null {
  try {
    return readFile(path);
  } catch {
    return null;
  }
}

export function readInstallFacts(location: InstallLocation, readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): InstallFacts {
  const packageJson = location.isPackaged ? readOrNull(readFile, join(location.appPath, 'package.json')) : null;
  const packageType = location.isPackaged ? readOrNull(readFile, join(location.resourcesPath, 'package-type'))?.trim() || null : null;
  return {
    isPackaged: location.isPackaged,
    demo: location.env.PACEBAR_DEMO === '1',
    platform: location.platform,
    appImage: location.env.APPIMAGE || undefined,
    packageType,
    signed: packageJson !== null && isSignedBuild(packageJson),
  };
}
