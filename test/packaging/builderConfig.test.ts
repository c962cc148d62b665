// electron-builder.yml, checked offline: against electron-builder's own JSON schema (the same check
// `electron-builder` runs before packaging), plus the security-relevant settings and every icon it
// ships. Real packaging needs the Electron zip from the network and runs on CI only.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { RELEASE_REPOSITORY } from '../../main/update/releasePage';

const ROOT = resolve(import.meta.dirname, '../..');
const CONFIG_FILE = join(ROOT, 'electron-builder.yml');

const load = (projectDir: string, configPath: string): Promise<Configuration> => getConfig(projectDir, configPath, null);
const validate = (config: Configuration): Promise<void> => validateConfiguration(config, new DebugLogger(false));

// --- image parsing: just enough of PNG and ICO to read dimensions ---------------------------------
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngInfo(buf: Buffer): { width: number; height: number; colorType: number } {
  expect(buf.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  expect(buf.toString('ascii', 12, 16), 'first chunk is IHDR').toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), colorType: buf.readUInt8(25) };
}

function icoSizes(buf: Buffer): number[] {
  expect(buf.readUInt16LE(0), 'ICO reserved').toBe(0);
  expect(buf.readUInt16LE(2), 'ICO type 1 (icon)').toBe(1);
  const count = buf.readUInt16LE(4);
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) {
    const e = 6 + 16 * i;
    const dirW = buf.readUInt8(e) || 256, dirH = buf.readUInt8(e + 1) || 256;
    const length = buf.readUInt32LE(e + 8), offset = buf.readUInt32LE(e + 12);
    expect(offset + length, 'ICO entry inside the file').toBeLessThanOrEqual(buf.length);
    const image = buf.subarray(offset, offset + length);
    // Each entry is either PNG-encoded or a BITMAPINFOHEADER DIB (height covers XOR + AND masks).
    const [w, h] = image.subarray(0, 8).equals(PNG_SIGNATURE)
      ? [pngInfo(image).width, pngInfo(image).height]
      : [image.readInt32LE(4), image.readInt32LE(8) / 2];
    expect([w, h], `ICO entry ${i} directory matches its image`).toEqual([dirW, dirH]);
    expect(w).toBe(h);
    sizes.push(w);
  }
  return sizes.sort((a, b) => a - b);
}

describe('electron-builder.yml', () => {
  let config: Configuration;
  let scratch: string;

  beforeAll(async () => {
    config = await load(ROOT, CONFIG_FILE);
    scratch = mkdtempSync(join(tmpdir(), 'pacebar-builder-'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('passes electron-builder’s schema validation', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('fails validation on a typo’d key, so the check above can fail', async () => {
    const yml = readFileSync(CONFIG_FILE, 'utf8');
    for (const [from, to] of [
      ['\nasarUnpack:', '\nasarUnpak:'],
      ['  runAsNode: false', '  runAsNod: false'],
      ['  releaseType: draft', '  releaseTyp: draft'],
      ['  provider: github', '  provider: githubb'],
    ] as const) {
      expect(yml).toContain(from);
      const file = join(scratch, 'typo.yml');
      writeFileSync(file, yml.replace(from, to));
      await expect(validate(await load(ROOT, file)), `${to.trim()} must be rejected`).rejects.toThrow(/does not match the API schema/);
    }
  });

  it('identifies the app and packages only the build output', () => {
    expect(config.appId).toBe('app.pacebar.desktop');
    expect(config.productName).toBe('Pacebar');
    expect(config.directories?.output).toBe('dist');
    expect(config.asar).toBe(true);
    // doMergeConfigs normalises `files` to [{ filter: [...] }]; accept the plain list form too.
    const files = [config.files].flat().flatMap((f) => (typeof f === 'string' ? [f] : (f?.filter ?? []))) as string[];
    expect(files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    for (const p of files.filter((f) => !f.startsWith('!'))) expect(p).toMatch(/^(out\/|package\.json$)/);
    expect(config.asarUnpack).toEqual(expect.arrayContaining([expect.stringMatching(/keytar.*\.node$/)]));
  });

  it('flips every Electron fuse to its hardened value', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('sets the per-platform targets', () => {
    expect(config.mac?.extendInfo).toMatchObject({ LSUIElement: true });
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.category).toBe('public.app-category.healthcare-fitness');
    expect(config.mac?.target).toEqual(['dmg', 'zip']);
    expect(config.win?.target).toBe('nsis');
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
    expect(config.linux?.target).toEqual(['deb', 'AppImage']);
    expect(config.linux?.category).toBe('Utility');
    expect(config.deb?.depends).toContain('libsecret-1-0');
  });

  it('Ubuntu 23.10+: the deb keeps the Chromium sandbox on through electron-builder\'s AppArmor profile', () => {
    // Our config must not replace the postinst that installs it...
    expect(config.deb?.afterInstall).toBeUndefined();
    expect(config.linux?.executableArgs ?? []).not.toContain('--no-sandbox');
    // ...and that postinst (electron-builder 26's template) grants user namespaces to the installed binary.
    const templates = join(ROOT, 'node_modules/app-builder-lib/templates/linux');
    const postinst = readFileSync(join(templates, 'after-install.tpl'), 'utf8');
    expect(postinst).toContain("APPARMOR_PROFILE_TARGET='/etc/apparmor.d/${executable}'");
    const profile = readFileSync(join(templates, 'apparmor-profile.tpl'), 'utf8');
    expect(profile).toMatch(/profile "\$\{executable\}" "\/opt\/\$\{sanitizedProductName\}\/\$\{executable\}"/);
    expect(profile).toMatch(/^\s*userns,$/m);
  });

  it('publishes to the GitHub releases of the repository the app’s download page names, with nothing secret in it', () => {
    // Copied into every installed app's resources/app-update.yml: provider, owner, repo and nothing more.
    expect(config.publish).toEqual({ provider: 'github', owner: RELEASE_REPOSITORY.owner, repo: RELEASE_REPOSITORY.repo, releaseType: 'draft' });
    for (const platform of [config.mac, config.win, config.linux]) expect(platform?.publish, 'no per-platform publish override').toBeUndefined();
    // The signing environment is the only way certificates reach electron-builder: none in the file.
    const yml = readFileSync(CONFIG_FILE, 'utf8');
    expect(yml).not.toMatch(/^\s*(token|cscLink|cscKeyPassword|certificatePassword|certificateFile|private)\s*:/m);
  });

  it('macOS ships a zip for electron-updater, and artifact names tell the files apart without spaces', () => {
    // MacUpdater installs only from a zip and picks the Apple silicon one by "arm64" in its name.
    expect(config.mac?.target).toContain('zip');
    expect(config.mac?.artifactName).toBe('${productName}-${version}-${arch}-mac.${ext}');
    expect(config.dmg?.artifactName).toContain('${arch}');
    // GitHub's download URLs and electron-updater's file lookup both trip over spaces.
    for (const name of [config.mac?.artifactName, config.dmg?.artifactName, config.nsis?.artifactName]) {
      expect(name).toBeTypeOf('string');
      expect(name).not.toMatch(/\s/);
    }
    expect(config.productName).not.toMatch(/\s/);
    expect(config.win?.verifyUpdateCodeSignature).toBe(true);
  });

  it('the updater needs none of the powers the fuses take away', () => {
    // electron-updater (and builder-util-runtime under it) run the downloaded installer or image
    // directly: nothing in them sets ELECTRON_RUN_AS_NODE or NODE_OPTIONS, passes --inspect, or
    // re-runs the app binary as Node, so runAsNode, nodeOptions and the inspect fuses stay off.
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : name.endsWith('.js') ? [path] : [];
      });
    const runtime = [...files(join(ROOT, 'node_modules/electron-updater/out')), ...files(join(ROOT, 'node_modules/builder-util-runtime/out'))];
    expect(runtime.length).toBeGreaterThan(20);
    for (const file of runtime) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/ELECTRON_RUN_AS_NODE|NODE_OPTIONS|--inspect|process\.execPath/);
    }
  });

  it('ships the tray folder as a resource next to app.asar', () => {
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'build/tray', to: 'tray' })]);
  });

  describe('icons', () => {
    const png = (rel: string) => pngInfo(readFileSync(join(ROOT, rel)));

    it('every icon the config references exists', () => {
      for (const rel of [config.mac?.icon, config.win?.icon, config.linux?.icon]) {
        expect(typeof rel).toBe('string');
        expect(existsSync(join(ROOT, rel as string)), rel as string).toBe(true);
      }
    });

    it('app icon: 512×512 PNG and a Windows ICO with 256/48/32/16', () => {
      expect(png(config.linux?.icon as string)).toMatchObject({ width: 512, height: 512 });
      expect(png(config.mac?.icon as string)).toMatchObject({ width: 512, height: 512 });
      expect(icoSizes(readFileSync(join(ROOT, config.win?.icon as string)))).toEqual([16, 32, 48, 256]);
    });

    it('tray icons: macOS templates, Linux PNGs, Windows ICO', () => {
      const tray = join(ROOT, 'build/tray');
      const cases: Array<[string, number]> = [
        ['trayTemplate.png', 16], ['trayTemplate@2x.png', 32], ['tray.png', 22], ['tray@2x.png', 44],
      ];
      for (const [name, size] of cases) {
        // colour type 6 = RGBA: the tray needs transparency around the glyph.
        expect(png(join('build/tray', name)), name).toEqual({ width: size, height: size, colorType: 6 });
      }
      expect(icoSizes(readFileSync(join(tray, 'tray.ico')))).toEqual([16, 32]);
    });
  });
});
