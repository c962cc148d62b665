// The release workflow's last step before upload: gathers the installers every build job made into
// one folder, merges the two macOS latest-mac.yml files (each build job only knows its own arch),
// checks that every file the update metadata names is there with the checksum it states, writes
// SHA256SUMS, and writes the release notes (including what an unsigned build means for the user).
// Usage: tsx scripts/release/assembleRelease.ts --from artifacts --to release --version 1.2.3 --notes release-notes.md
// Signing facts come from the environment: MAC_SIGNED, MAC_NOTARIZED, WIN_SIGNED ("true" or not).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dump, load } from 'js-yaml';
import * as z from 'zod';

/** What GitHub Actions' download-artifact leaves: one folder per build job's artifact. */
export const RELEASE_FILE = /\.(dmg|zip|exe|AppImage|deb|rpm|blockmap)$|^latest(-[a-z0-9]+)*\.yml$/;

const updateFile = z.object({ url: z.string().min(1), sha512: z.string().min(1), size: z.number().int().positive().optional() }).passthrough();
const updateInfo = z
  .object({
    version: z.string().min(1),
    files: z.array(updateFile).min(1),
    path: z.string().optional(),
    sha512: z.string().optional(),
    releaseDate: z.string().optional(),
  })
  .passthrough();
export type UpdateInfo = z.infer<typeof updateInfo>;

export function parseUpdateInfo(text: string, name: string): UpdateInfo {
  const parsed = updateInfo.safeParse(load(text));
  if (!parsed.success) throw new Error(`${name} is not electron-builder update metadata: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

const isArm64 = (url: string) => url.includes('arm64');

/**
 * One latest-mac.yml for both architectures, as electron-builder writes it when it builds both on one
 * machine: zips first (the legacy path/sha512 fields name the Intel zip), then the rest. MacUpdater
 * picks its file by "arm64" in the name (MacUpdater.filterFilesForArch).
 */
export function mergeMacUpdateInfo(texts: readonly string[]): string {
  const infos = texts.map((text, index) => parseUpdateInfo(text, `latest-mac.yml #${index + 1}`));
  const versions = new Set(infos.map((info) => info.version));
  if (versions.size !== 1) throw new Error(`The macOS builds disagree on the version: ${[...versions].join(', ')}`);
  const files = infos.flatMap((info) => info.files);
  const urls = files.map((file) => file.url);
  const duplicate = urls.find((url, index) => urls.indexOf(url) !== index);
  if (duplicate) throw new Error(`Both macOS builds made ${duplicate}: their artifact names must carry the arch`);
  const ordered = [...files].sort((a, b) => Number(!a.url.endsWith('.zip')) - Number(!b.url.endsWith('.zip')) || Number(isArm64(a.url)) - Number(isArm64(b.url)));
  const legacy = ordered.find((file) => file.url.endsWith('.zip')) ?? ordered[0]!;
  const releaseDate = infos.map((info) => info.releaseDate).filter((date): date is string => typeof date === 'string').sort().at(-1);
  const merged: UpdateInfo = { ...infos[0]!, version: infos[0]!.version, files: ordered, path: legacy.url, sha512: legacy.sha512 };
  if (releaseDate) merged.releaseDate = releaseDate;
  return dump(merged, { lineWidth: -1, noRefs: true });
}

export function sha512Base64(bytes: Buffer): string {
  return createHash('sha512').update(bytes).digest('base64');
}

/** `sha256sum` format ("<hex>  <name>"), sorted by name, so `sha256sum -c SHA256SUMS` checks it. */
export function sha256Sums(files: ReadonlyMap<string, Buffer>): string {
  return [...files.keys()]
    .sort()
    .map((name) => `${createHash('sha256').update(files.get(name)!).digest('hex')}  ${name}\n`)
    .join('');
}

/** Every file a latest*.yml names must be in the release with the sha512 (and size) it states. */
export function checkUpdateMetadata(files: ReadonlyMap<string, Buffer>): void {
  const metadata = [...files.keys()].filter((name) => /^latest.*\.yml$/.test(name));
  for (const required of ['latest.yml', 'latest-mac.yml', 'latest-linux.yml']) {
    if (!metadata.includes(required)) throw new Error(`${required} is missing: installed copies on that system would find no updates`);
  }
  for (const name of metadata) {
    const info = parseUpdateInfo(files.get(name)!.toString('utf8'), name);
    for (const entry of info.files) {
      // electron-updater's GitHub provider requests the name with spaces turned into dashes.
      const bytes = files.get(entry.url.replace(/ /g, '-'));
      if (!bytes) throw new Error(`${name} names ${entry.url}, which is not in the release`);
      if (sha512Base64(bytes) !== entry.sha512) throw new Error(`${name}: ${entry.url} does not have the sha512 it states`);
      if (entry.size !== undefined && entry.size !== bytes.length) throw new Error(`${name}: ${entry.url} is not ${entry.size} bytes`);
    }
  }
}

/** The release's files from every artifact folder; latest-mac.yml merged, other repeats must be identical. */
export function collectRelease(artifactsDir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const macMetadata: string[] = [];
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
  for (const path of walk(artifactsDir)) {
    const name = basename(path);
    if (!RELEASE_FILE.test(name)) continue;
    const bytes = readFileSync(path);
    if (name === 'latest-mac.yml') {
      macMetadata.push(bytes.toString('utf8'));
      continue;
    }
    const seen = files.get(name);
    if (seen && !seen.equals(bytes)) throw new Error(`Two build jobs made different files named ${name}`);
    files.set(name, bytes);
  }
  if (macMetadata.length > 0) files.set('latest-mac.yml', Buffer.from(mergeMacUpdateInfo(macMetadata)));
  return files;
}

export interface Signing {
  macSigned: boolean;
  macNotarized: boolean;
  winSigned: boolean;
}

/** Which file is for whom, by what electron-builder names them (see electron-builder.yml). */
function downloads(names: readonly string[]): [string, string][] {
  const rows: [string, (name: string) => boolean][] = [
    ['macOS, Apple silicon (M1 and later)', (name) => name.endsWith('.dmg') && isArm64(name)],
    ['macOS, Intel', (name) => name.endsWith('.dmg') && !isArm64(name)],
    ['Windows 10 and 11, 64-bit', (name) => name.endsWith('.exe')],
    ['Ubuntu, Debian and their derivatives (.deb)', (name) => name.endsWith('.deb')],
    ['Other Linux distributions (AppImage)', (name) => name.endsWith('.AppImage')],
    ['Fedora, openSUSE (.rpm)', (name) => name.endsWith('.rpm')],
  ];
  return rows.flatMap(([who, matches]) => names.filter(matches).map((name): [string, string] => [who, name]));
}

export function releaseNotes(version: string, names: readonly string[], signing: Signing): string {
  const table = downloads(names)
    .map(([who, name]) => `| ${who} | \`${name}\` |`)
    .join('\n');
  const mac = signing.macSigned
    ? signing.macNotarized
      ? '- **macOS**: signed with a Developer ID and notarised by Apple. It opens normally and updates itself.'
      : '- **macOS**: signed with a Developer ID but **not notarised**: the first time, macOS asks you to confirm in System Settings › Privacy & Security › *Open Anyway*. It updates itself.'
    : [
        '- **macOS**: this build is **not signed**. macOS says Apple “could not verify” Pacebar is free of malware. To open it once:',
        '  open Pacebar from Applications, choose *Done*, then System Settings › Privacy & Security › *Open Anyway* (on macOS 14 and earlier,',
        '  Control-click the app › *Open* also works). An unsigned build cannot update itself: Pacebar tells you in its menu when a',
        '  new version is out and opens this page.',
      ].join('\n');
  const win = signing.winSigned
    ? '- **Windows**: signed. It installs without warnings and updates itself.'
    : [
        '- **Windows**: this build is **not signed**. SmartScreen shows “Windows protected your PC”: choose *More info* › *Run anyway*.',
        '  Updates still install themselves.',
      ].join('\n');
  return `## Pacebar ${version}

| For | Download |
|---|---|
${table}

Installed copies check for updates at start and once a day, download them in the background and install
them when you choose *Update ready: restart to install* in Pacebar's menu (or the next time you quit it).
The .deb is the exception: Pacebar tells you a new version is out, and you install the new .deb.

### Signing

${mac}
${win}
- **Linux**: the packages are not signed (as is usual outside a distribution's own repositories).

### Checking a download

\`SHA256SUMS\` lists the SHA-256 of every file. In the folder with your download:

- Linux: \`sha256sum --check --ignore-missing SHA256SUMS\`
- macOS: \`shasum -a 256 --check --ignore-missing SHA256SUMS\`
- Windows (PowerShell): \`Get-FileHash .\\Pacebar-Setup-${version}.exe\` and compare with its line in \`SHA256SUMS\`
`;
}

export function assembleRelease(options: { from: string; to: string; version: string; signing: Signing }): { names: string[]; notes: string } {
  const files = collectRelease(options.from);
  checkUpdateMetadata(files);
  for (const [name, bytes] of files) {
    if (/^latest.*\.yml$/.test(name) && parseUpdateInfo(bytes.toString('utf8'), name).version !== options.version) {
      throw new Error(`${name} is for version ${parseUpdateInfo(bytes.toString('utf8'), name).version}, not ${options.version}`);
    }
  }
  files.set('SHA256SUMS', Buffer.from(sha256Sums(files)));
  mkdirSync(options.to, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(options.to, name), bytes);
  const names = [...files.keys()].sort();
  return { names, notes: releaseNotes(options.version, names, options.signing) };
}

function main(): void {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, to: { type: 'string' }, version: { type: 'string' }, notes: { type: 'string' } },
  });
  if (!values.from || !values.to || !values.version || !values.notes) throw new Error('Usage: assembleRelease --from DIR --to DIR --version X.Y.Z --notes FILE');
  const flag = (name: string) => process.env[name] === 'true';
  const { names, notes } = assembleRelease({
    from: values.from,
    to: values.to,
    version: values.version,
    signing: { macSigned: flag('MAC_SIGNED'), macNotarized: flag('MAC_NOTARIZED'), winSigned: flag('WIN_SIGNED') },
  });
  writeFileSync(values.notes, notes);
  console.log(`Release ${values.version}: ${names.length} files in ${values.to}\n${names.map((name) => `  ${name}`).join('\n')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(`assembleRelease: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
