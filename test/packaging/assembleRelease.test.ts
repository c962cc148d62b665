// scripts/release/assembleRelease.ts against artifact folders laid out as the release workflow's
// download-artifact leaves them, with electron-builder's file names and update metadata. The merged
// latest-mac.yml is read back with electron-updater's own parser and file selection (ground truth
// for what an installed Mac will download).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dump, load } from 'js-yaml';
import { MacUpdater } from 'electron-updater/out/MacUpdater';
import { findFile, parseUpdateInfo as electronUpdaterParse, resolveFiles } from 'electron-updater/out/providers/Provider';
import type { ResolvedUpdateFileInfo } from 'electron-updater';
import { afterEach, describe, expect, it } from 'vitest';
import { assembleRelease, mergeMacUpdateInfo, releaseNotes, sha512Base64 } from '../../scripts/release/assembleRelease';

const ROOT = resolve(import.meta.dirname, '../..');
const VERSION = '0.2.0';
const unsigned = { macSigned: false, macNotarized: false, winSigned: false };

let scratch: string | null = null;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = null;
});

/** An artifact folder: installers (distinct bytes each) and the latest*.yml electron-builder writes for them. */
function artifact(root: string, id: string, files: Record<string, string[]>, version = VERSION): void {
  const dir = join(root, `dist-${id}`);
  mkdirSync(dir, { recursive: true });
  for (const [metadata, names] of Object.entries(files)) {
    const entries = names.map((name) => {
      const bytes = Buffer.from(`${id}:${name}:${'x'.repeat(name.length * 7)}`);
      writeFileSync(join(dir, name), bytes);
      writeFileSync(join(dir, `${name}.blockmap`), Buffer.from(`blockmap of ${name}`));
      return { url: name, sha512: sha512Base64(bytes), size: bytes.length };
    });
    const info = { version, files: entries, path: entries[0]!.url, sha512: entries[0]!.sha512, releaseDate: `2026-11-18T10:0${id.length % 10}:00.000Z` };
    writeFileSync(join(dir, metadata), dump(info, { lineWidth: -1 }));
  }
  // electron-builder's own bookkeeping is left out of the release.
  writeFileSync(join(dir, 'builder-debug.yml'), 'x: 1\n');
}

function layout(version = VERSION): string {
  const root = mkdtempSync(join(tmpdir(), 'pacebar-release-'));
  scratch = root;
  const artifacts = join(root, 'artifacts');
  artifact(artifacts, 'mac-arm64', { 'latest-mac.yml': [`Pacebar-${version}-arm64-mac.zip`, `Pacebar-${version}-arm64.dmg`] }, version);
  artifact(artifacts, 'mac-x64', { 'latest-mac.yml': [`Pacebar-${version}-x64-mac.zip`, `Pacebar-${version}-x64.dmg`] });
  artifact(artifacts, 'win-x64', { 'latest.yml': [`Pacebar-Setup-${VERSION}.exe`] });
  artifact(artifacts, 'linux-x64', { 'latest-linux.yml': [`Pacebar-${VERSION}.AppImage`, `pacebar_${VERSION}_amd64.deb`] });
  return root;
}

/** What MacUpdater.doDownloadUpdate would fetch on this Mac, using electron-updater's own code. */
function macDownload(latestMac: string, arm64: boolean): string {
  const info = electronUpdaterParse(latestMac, 'latest-mac.yml', new URL('https://github.com/pacebar/pacebar/releases/download/v0.2.0/latest-mac.yml'));
  const files = resolveFiles(info, new URL('https://github.com/pacebar/pacebar/releases/download/v0.2.0/'));
  const filter = (MacUpdater as unknown as { filterFilesForArch(files: ResolvedUpdateFileInfo[], isArm64Mac: boolean): ResolvedUpdateFileInfo[] }).filterFilesForArch;
  const zip = findFile(filter(files, arm64), 'zip', ['pkg', 'dmg']);
  return zip!.url.pathname.split('/').at(-1)!;
}

describe('assembleRelease', () => {
  it('gathers every installer, blockmap and update file into one folder, leaving build bookkeeping out', () => {
    const root = layout();
    const { names } = assembleRelease({ from: join(root, 'artifacts'), to: join(root, 'release'), version: VERSION, signing: unsigned });
    expect(names).toEqual([
      'Pacebar-0.2.0-arm64-mac.zip',
      'Pacebar-0.2.0-arm64-mac.zip.blockmap',
      'Pacebar-0.2.0-arm64.dmg',
      'Pacebar-0.2.0-arm64.dmg.blockmap',
      'Pacebar-0.2.0-x64-mac.zip',
      'Pacebar-0.2.0-x64-mac.zip.blockmap',
      'Pacebar-0.2.0-x64.dmg',
      'Pacebar-0.2.0-x64.dmg.blockmap',
      'Pacebar-0.2.0.AppImage',
      'Pacebar-0.2.0.AppImage.blockmap',
      'Pacebar-Setup-0.2.0.exe',
      'Pacebar-Setup-0.2.0.exe.blockmap',
      'SHA256SUMS',
      'latest-linux.yml',
      'latest-mac.yml',
      'latest.yml',
      'pacebar_0.2.0_amd64.deb',
      'pacebar_0.2.0_amd64.deb.blockmap',
    ]);
    expect(readdirSync(join(root, 'release')).sort()).toEqual(names);
  });

  it('SHA256SUMS holds the SHA-256 of every other file on disk, in sha256sum’s format', () => {
    const root = layout();
    assembleRelease({ from: join(root, 'artifacts'), to: join(root, 'release'), version: VERSION, signing: unsigned });
    const release = join(root, 'release');
    const lines = readFileSync(join(release, 'SHA256SUMS'), 'utf8').trimEnd().split('\n');
    const others = readdirSync(release).filter((name) => name !== 'SHA256SUMS').sort();
    expect(lines.map((line) => line.slice(66))).toEqual(others);
    for (const line of lines) {
      const [, hex, name] = /^([0-9a-f]{64}) {2}(.+)$/.exec(line)!;
      expect(createHash('sha256').update(readFileSync(join(release, name!))).digest('hex'), name).toBe(hex);
    }
    // A system with sha256sum checks it the way the release notes tell people to.
    const tool = spawnSync('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd: release, encoding: 'utf8' });
    if (!tool.error) expect(tool.status, tool.stdout + tool.stderr).toBe(0);
  });

  it('one latest-mac.yml for both Macs: electron-updater gives Apple silicon the arm64 zip and Intel the x64 zip', () => {
    const root = layout();
    assembleRelease({ from: join(root, 'artifacts'), to: join(root, 'release'), version: VERSION, signing: unsigned });
    const merged = readFileSync(join(root, 'release', 'latest-mac.yml'), 'utf8');
    expect(macDownload(merged, true)).toBe('Pacebar-0.2.0-arm64-mac.zip');
    expect(macDownload(merged, false)).toBe('Pacebar-0.2.0-x64-mac.zip');
    const info = load(merged) as { version: string; files: { url: string }[]; path: string };
    expect(info.version).toBe(VERSION);
    expect(info.files.map((file) => file.url)).toEqual([
      'Pacebar-0.2.0-x64-mac.zip',
      'Pacebar-0.2.0-arm64-mac.zip',
      'Pacebar-0.2.0-x64.dmg',
      'Pacebar-0.2.0-arm64.dmg',
    ]);
    // Old updaters read the legacy path: the Intel zip, as electron-builder itself writes it.
    expect(info.path).toBe('Pacebar-0.2.0-x64-mac.zip');
  });

  it('refuses a release whose update metadata names a missing or different file', () => {
    const root = layout();
    writeFileSync(join(root, 'artifacts', 'dist-win-x64', 'Pacebar-Setup-0.2.0.exe'), 'tampered');
    expect(() => assembleRelease({ from: join(root, 'artifacts'), to: join(root, 'release'), version: VERSION, signing: unsigned })).toThrow(
      'latest.yml: Pacebar-Setup-0.2.0.exe does not have the sha512 it states',
    );
    rmSync(join(root, 'artifacts', 'dist-win-x64', 'Pacebar-Setup-0.2.0.exe'));
    expect(() => assembleRelease({ from: join(root, 'artifacts'), to: join(root, 'release'), version: VERSION, signing: unsigned })).toThrow(
      'latest.yml names Pacebar-Setup-0.2.0.exe, which is not in the release',
    );
  });

  it('refuses a release with a platform’s update metadata missing, or for another version', () => {
    const root = layout();
    rmSync(join(root, 'artifacts', 'dist-linux-x64', 'latest-linux.yml'));
    expect(() => assembleRelease({ from: join(root, 'artifacts'), to: join(root, 'release'), version: VERSION, signing: unsigned })).toThrow(
      'latest-linux.yml is missing: installed copies on that system would find no updates',
    );
    const other = layout();
    expect(() => assembleRelease({ from: join(other, 'artifacts'), to: join(other, 'release'), version: '0.3.0', signing: unsigned })).toThrow(
      /is for version 0\.2\.0, not 0\.3\.0/,
    );
  });

  it('refuses macOS builds of two versions, or two different files with one name', () => {
    const mac = (version: string, name: string) => dump({ version, files: [{ url: name, sha512: 'a', size: 1 }] });
    expect(() => mergeMacUpdateInfo([mac('0.2.0', 'a-arm64-mac.zip'), mac('0.2.1', 'a-x64-mac.zip')])).toThrow('The macOS builds disagree on the version: 0.2.0, 0.2.1');
    expect(() => mergeMacUpdateInfo([mac('0.2.0', 'a-mac.zip'), mac('0.2.0', 'a-mac.zip')])).toThrow('Both macOS builds made a-mac.zip');
    const root = layout();
    writeFileSync(join(root, 'artifacts', 'dist-mac-x64', 'Pacebar-0.2.0-arm64.dmg'), 'not the same');
    expect(() => assembleRelease({ from: join(root, 'artifacts'), to: join(root, 'release'), version: VERSION, signing: unsigned })).toThrow(
      'Two build jobs made different files named Pacebar-0.2.0-arm64.dmg',
    );
  });
});

describe('release notes', () => {
  const names = ['Pacebar-0.2.0-arm64.dmg', 'Pacebar-0.2.0-x64.dmg', 'Pacebar-Setup-0.2.0.exe', 'pacebar_0.2.0_amd64.deb', 'Pacebar-0.2.0.AppImage', 'SHA256SUMS', 'latest.yml'];

  it('say which file is for whom', () => {
    const notes = releaseNotes(VERSION, names, unsigned);
    expect(notes).toContain('| macOS, Apple silicon (M1 and later) | `Pacebar-0.2.0-arm64.dmg` |');
    expect(notes).toContain('| macOS, Intel | `Pacebar-0.2.0-x64.dmg` |');
    expect(notes).toContain('| Windows 10 and 11, 64-bit | `Pacebar-Setup-0.2.0.exe` |');
    expect(notes).toContain('| Ubuntu, Debian and their derivatives (.deb) | `pacebar_0.2.0_amd64.deb` |');
    expect(notes).toContain('| Other Linux distributions (AppImage) | `Pacebar-0.2.0.AppImage` |');
    expect(notes).not.toContain('latest.yml');
  });

  it('unsigned: what Gatekeeper and SmartScreen will show and how to open Pacebar anyway', () => {
    const notes = releaseNotes(VERSION, names, unsigned);
    expect(notes).toContain('- **macOS**: this build is **not signed**');
    expect(notes).toContain('*Open Anyway*');
    expect(notes).toContain('An unsigned build cannot update itself');
    expect(notes).toContain('- **Windows**: this build is **not signed**. SmartScreen shows “Windows protected your PC”: choose *More info* › *Run anyway*.');
    expect(notes).toContain('sha256sum --check --ignore-missing SHA256SUMS');
  });

  it('signed: no warnings to explain', () => {
    const notes = releaseNotes(VERSION, names, { macSigned: true, macNotarized: true, winSigned: true });
    expect(notes).toContain('- **macOS**: signed with a Developer ID and notarised by Apple.');
    expect(notes).toContain('- **Windows**: signed.');
    expect(notes).not.toMatch(/not signed\*\*|SmartScreen|Open Anyway/);
    expect(releaseNotes(VERSION, names, { macSigned: true, macNotarized: false, winSigned: true })).toContain('**not notarised**');
  });
});

describe('assembleRelease as the workflow runs it', () => {
  const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
  const script = join(ROOT, 'scripts/release/assembleRelease.ts');

  it('writes the release folder and the notes, signing facts from the environment', () => {
    const root = layout();
    const notesFile = join(root, 'notes.md');
    const run = spawnSync(process.execPath, [tsx, script, '--from', join(root, 'artifacts'), '--to', join(root, 'release'), '--version', VERSION, '--notes', notesFile], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, MAC_SIGNED: 'false', MAC_NOTARIZED: 'false', WIN_SIGNED: 'true' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(join(root, 'release'))).toContain('SHA256SUMS');
    const notes = readFileSync(notesFile, 'utf8');
    expect(notes).toContain('- **Windows**: signed.');
    expect(notes).toContain('- **macOS**: this build is **not signed**');
  });

  it('a broken release is one line and exit 1', () => {
    const root = layout();
    rmSync(join(root, 'artifacts', 'dist-win-x64', 'latest.yml'));
    const run = spawnSync(process.execPath, [tsx, script, '--from', join(root, 'artifacts'), '--to', join(root, 'release'), '--version', VERSION, '--notes', join(root, 'n.md')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('assembleRelease: latest.yml is missing: installed copies on that system would find no updates\n');
  });
});
