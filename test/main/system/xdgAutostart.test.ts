// The Linux login item on disk: the entry the session manager reads, written and removed whole.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { autostartDir, desktopEntry, entryEnabled, execArgument, xdgAutostart } from '../../../main/system/xdgAutostart';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('XDG autostart entry', () => {
  it('lives in $XDG_CONFIG_HOME/autostart, or ~/.config/autostart when it is unset or relative', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/home/u/.cfg' }, '/home/u')).toBe('/home/u/.cfg/autostart');
    expect(autostartDir({}, '/home/u')).toBe('/home/u/.config/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: 'relative' }, '/home/u')).toBe('/home/u/.config/autostart');
  });

  it('quotes Exec arguments as the Desktop Entry spec says (spaces, quotes, $, backslash, %)', () => {
    expect(execArgument('/opt/Pacebar/pacebar')).toBe('"/opt/Pacebar/pacebar"');
    expect(execArgument('/home/u/My Apps/Pacebar.AppImage')).toBe('"/home/u/My Apps/Pacebar.AppImage"');
    // `"` → `\"` inside the quotes, then every `\` doubled by the string escape rule.
    expect(execArgument('a"b')).toBe('"a\\\\"b"');
    expect(execArgument('$HOME')).toBe('"\\\\$HOME"');
    expect(execArgument('c:\\x')).toBe('"c:\\\\\\\\x"');
    expect(execArgument('100%')).toBe('"100%%"');
    expect(desktopEntry(['/opt/Pacebar/pacebar'])).toContain('\nExec="/opt/Pacebar/pacebar"\n');
  });

  it('is off when missing, Hidden=true or switched off in GNOME\'s Startup Applications', () => {
    const entry = desktopEntry(['/x']);
    expect(entryEnabled(entry)).toBe(true);
    expect(entryEnabled(`${entry}Hidden=true\n`)).toBe(false);
    expect(entryEnabled(entry.replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false'))).toBe(false);
    // Keys of other groups do not count.
    expect(entryEnabled(`${entry}[Desktop Action x]\nHidden=true\n`)).toBe(true);
  });

  it('write(true) creates the folder and the entry; write(false) removes it; read() tells the truth on disk', () => {
    const home = mkdtempSync(join(tmpdir(), 'pacebar-autostart-'));
    dirs.push(home);
    const dir = join(home, 'autostart');
    const item = xdgAutostart({ dir, command: ['/opt/Pacebar/pacebar'] });
    expect(item.read()).toBe(false);
    item.write(true);
    const file = join(dir, 'pacebar.desktop');
    expect(readFileSync(file, 'utf8')).toBe(desktopEntry(['/opt/Pacebar/pacebar']));
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(item.read()).toBe(true);
    writeFileSync(file, `${readFileSync(file, 'utf8')}Hidden=true\n`);
    expect(item.read()).toBe(false);
    item.write(false);
    expect(existsSync(file)).toBe(false);
    item.write(false);
    expect(item.read()).toBe(false);
  });

  it('a folder it cannot write is an error with a code, and leaves nothing behind', () => {
    const home = mkdtempSync(join(tmpdir(), 'pacebar-autostart-'));
    dirs.push(home);
    // A file where the folder should be.
    writeFileSync(join(home, 'autostart'), '');
    const item = xdgAutostart({ dir: join(home, 'autostart'), command: ['/x'] });
    expect(() => item.write(true)).toThrow(expect.objectContaining({ code: expect.stringMatching(/^E[A-Z]+$/) }));
    expect(item.read()).toBe(false);
  });

  it('repair() points an enabled entry at this Pacebar again (an AppImage renamed by an update), and leaves others alone', () => {
    const home = mkdtempSync(join(tmpdir(), 'pacebar-autostart-'));
    dirs.push(home);
    const dir = join(home, 'autostart');
    const file = join(dir, 'pacebar.desktop');
    xdgAutostart({ dir, command: ['/home/ada/Pacebar-0.1.0.AppImage'] }).write(true);
    const updated = xdgAutostart({ dir, command: ['/home/ada/Pacebar-0.2.0.AppImage'] });
    updated.repair!();
    expect(readFileSync(file, 'utf8')).toBe(desktopEntry(['/home/ada/Pacebar-0.2.0.AppImage']));
    // Switched off in Startup Applications: the person's choice stands, untouched.
    const off = `${desktopEntry(['/old'])}X-GNOME-Autostart-enabled=false\n`;
    writeFileSync(file, off);
    updated.repair!();
    expect(readFileSync(file, 'utf8')).toBe(off);
    rmSync(file);
    updated.repair!();
    expect(existsSync(file)).toBe(false);
  });
});
