// The Linux login item on disk: the entry the session manager reads, written and removed whole.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { autostartDir, desktopEntry, entryEnabled, execArgument, execTarget, xdgAutostart } from '../../../main/system/xdgAutostart';

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

  it('execTarget reads back the program an entry starts, as desktopEntry quotes it', () => {
    for (const path of ['/opt/Pacebar/pacebar', '/home/ada/My Apps/Pacebar-0.1.0.AppImage', '/tmp/odd "$name"\\100%']) {
      expect(execTarget(desktopEntry([path, '--flag']))).toBe(path);
    }
    expect(execTarget('[Desktop Entry]\nExec=/usr/bin/pacebar --hidden\n')).toBe('/usr/bin/pacebar');
    expect(execTarget('[Desktop Entry]\nName=x\n')).toBeNull();
  });

  it('repair() rewrites only an enabled entry naming an AppImage that is gone (renamed by an update)', () => {
    const home = mkdtempSync(join(tmpdir(), 'pacebar-autostart-'));
    dirs.push(home);
    const dir = join(home, 'autostart');
    const file = join(dir, 'pacebar.desktop');
    const oldImage = join(home, 'Pacebar-0.1.0.AppImage');
    const newImage = join(home, 'Pacebar-0.2.0.AppImage');
    writeFileSync(newImage, '');
    const updated = xdgAutostart({ dir, command: [newImage] });

    // The old version's entry, its file still there: not ours to change.
    writeFileSync(oldImage, '');
    xdgAutostart({ dir, command: [oldImage] }).write(true);
    updated.repair!();
    expect(execTarget(readFileSync(file, 'utf8'))).toBe(oldImage);

    // The update removed the old file: the entry follows the new one.
    rmSync(oldImage);
    updated.repair!();
    expect(readFileSync(file, 'utf8')).toBe(desktopEntry([newImage]));

    // An entry of the person's own, or of a deb install, is never touched.
    const theirs = '[Desktop Entry]\nType=Application\nExec=/opt/Pacebar/pacebar\n';
    writeFileSync(file, theirs);
    updated.repair!();
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    // Switched off in Startup Applications: the person's choice stands.
    const off = `${desktopEntry(['/gone/Pacebar-0.0.1.AppImage'])}X-GNOME-Autostart-enabled=false\n`;
    writeFileSync(file, off);
    updated.repair!();
    expect(readFileSync(file, 'utf8')).toBe(off);
    // Not running as an AppImage: nothing to repair towards.
    writeFileSync(file, desktopEntry(['/gone/Pacebar-0.0.1.AppImage']));
    xdgAutostart({ dir, command: ['/usr/lib/pacebar/pacebar'] }).repair!();
    expect(readFileSync(file, 'utf8')).toBe(desktopEntry(['/gone/Pacebar-0.0.1.AppImage']));
  });
});
