// "Launch at login" on Linux, the way desktop apps do it: an XDG autostart entry,
// $XDG_CONFIG_HOME/autostart/pacebar.desktop (Desktop Application Autostart Specification).
// Electron has no login items on Linux (app.setLoginItemSettings is macOS/Windows only,
// docs/api/app.md), so this writes and reads the entry itself. No Electron import: tested on disk.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export const AUTOSTART_FILE = 'pacebar.desktop';

/** $XDG_CONFIG_HOME/autostart; a relative XDG_CONFIG_HOME is ignored, as the XDG spec says. */
export function autostartDir(env: NodeJS.ProcessEnv, home = homedir()): string {
  const configHome = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(configHome, 'autostart');
}

/**
 * One argument of an Exec line (Desktop Entry spec, "The Exec key"): quoted, with `"`, `` ` ``,
 * `$` and `\` escaped inside the quotes and `%` doubled; then the value's own escape rule turns
 * each `\` into `\\`.
 */
export function execArgument(argument: string): string {
  const quoted = `"${argument.replace(/["`$\\]/g, '\\$&').replace(/%/g, '%%')}"`;
  return quoted.replace(/\\/g, '\\\\');
}

export function desktopEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Pacebar',
    'Comment=Your Strava stats in the tray',
    `Exec=${command.map(execArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** An entry launches at login unless it is hidden or switched off (GNOME's Startup Applications). */
export function entryEnabled(text: string): boolean {
  const keys = new Map<string, string>();
  let inEntry = false;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.startsWith('[')) inEntry = trimmed === '[Desktop Entry]';
    else if (inEntry && trimmed.includes('=')) {
      const at = trimmed.indexOf('=');
      keys.set(trimmed.slice(0, at).trim(), trimmed.slice(at + 1).trim());
    }
  }
  return keys.get('Hidden') !== 'true' && keys.get('X-GNOME-Autostart-enabled') !== 'false';
}

/** The program an entry's Exec line starts (its first argument, unquoted), or null. */
export function execTarget(text: string): string | null {
  const line = text.split(/\r?\n/).find((entry) => entry.startsWith('Exec='));
  if (!line) return null;
  const exec = line.slice('Exec='.length).replace(/\\\\/g, '\\');
  const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(exec);
  if (quoted) return quoted[1]!.replace(/\\(["`$\\])/g, '$1').replace(/%%/g, '%');
  return exec.split(/\s+/)[0] || null;
}

export interface LoginItemBackend {
  /** Whether the OS will start Pacebar at login, as the OS says now. */
  read(): boolean;
  /** Makes the OS start Pacebar at login, or not. Throws when it cannot. */
  write(enabled: boolean): void;
  /**
   * An enabled entry that starts something else than this Pacebar (an AppImage renamed by an
   * update, a moved install) is pointed at this one again. Throws when it cannot.
   */
  repair?(): void;
}

export function xdgAutostart(options: { dir: string; command: readonly string[] }): LoginItemBackend {
  const file = join(options.dir, AUTOSTART_FILE);
  const read = () => existsSync(file) && entryEnabled(readFileSync(file, 'utf8'));
  const write = (enabled: boolean) => {
    if (!enabled) return rmSync(file, { force: true });
    mkdirSync(options.dir, { recursive: true });
    // Written whole, then renamed: a session manager never reads half an entry.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, desktopEntry(options.command), { mode: 0o644 });
    renameSync(partial, file);
  };
  return {
    read,
    write,
    repair: () => {
      // electron-updater's AppImageUpdater renames a versioned AppImage on update: the entry the
      // old version wrote names a file that is gone. Only that entry is rewritten; one that names
      // something that exists (a deb install, an entry the person wrote) is theirs and stays.
      const current = options.command[0];
      if (!current?.endsWith('.AppImage') || !read()) return;
      const target = execTarget(readFileSync(file, 'utf8'));
      if (target !== null && target !== current && target.endsWith('.AppImage') && !existsSync(target)) write(true);
    },
  };
}
