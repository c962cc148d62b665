import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, keychainServiceFrom } from '../../../core/engine/createEngine';
import { ConfigFolderError, InvalidInputError } from '../../../core/errors';
import { memoryBackend } from '../../support/memory';
import { openCacheStore, openSettingsStore } from '../../../core/store/confStores';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pacebar-create-'));
  dirs.push(dir);
  return dir;
}
const confStores = (folder: string) => ({ settings: openSettingsStore(folder), cache: openCacheStore(folder) });

describe('goal edits and a settings file with a goal Pacebar cannot read', () => {
  it('refuses to add or remove (writing back would drop it), and the file keeps every goal', async () => {
    const dir = tempDir();
    const good = { id: 1, sport: 'run', period: 'week', measure: 'distance', target: 30_000 };
    const path = join(dir, 'settings.json');
    writeFileSync(path, JSON.stringify({ goals: [good, { ...good, id: 2, period: 'fortnight' }] }));
    const engine = await createEngine({ env: { PACEBAR_CONFIG_DIR: dir }, openStores: confStores, secrets: memoryBackend() });
    expect(engine.settings.get().goals).toEqual([good]);
    expect(() => engine.addGoal({ sport: 'ride', period: 'week', measure: 'count', target: 3 })).toThrow(/cannot read .*nothing was changed/);
    expect(() => engine.removeGoal(1)).toThrow(/cannot read/);
    expect((JSON.parse(readFileSync(path, 'utf8')) as { goals: unknown[] }).goals).toHaveLength(2);
    await engine.close();
  });
});

describe('createEngine (the app and the CLI build the engine with it)', () => {
  it('reads Strava\'s address, the folder and the keychain service from the environment', async () => {
    const dir = tempDir();
    const env = { PACEBAR_CONFIG_DIR: dir, STRAVA_BASE_URL: 'http://127.0.0.1:4567', PACEBAR_KEYCHAIN_SERVICE: 'pacebar-x' };
    const engine = await createEngine({ env, openStores: confStores, secrets: memoryBackend() });
    expect(engine.endpoints.token).toBe('http://127.0.0.1:4567/oauth/token');
    expect(engine.vault.service).toBe('pacebar-x');
    engine.settings.update({ primarySport: 'swim' });
    expect(openSettingsStore(dir).store.primarySport).toBe('swim');
    await engine.close();
  });

  it('the installed app ignores a non-loopback STRAVA_BASE_URL (with one warning line); the CLI honours it', async () => {
    const env = { PACEBAR_CONFIG_DIR: tempDir(), STRAVA_BASE_URL: 'https://attacker.example' };
    const warnings: string[] = [];
    const packaged = await createEngine({ env, isPackaged: true, warn: (line) => warnings.push(line), openStores: confStores, secrets: memoryBackend() });
    expect(packaged.endpoints.token).toBe('https://www.strava.com/oauth/token');
    expect(packaged.endpoints.api).toBe('https://www.api-v3.strava.com');
    expect(packaged.endpoints.legacyApi).toBe('https://www.strava.com/api/v3');
    expect(warnings).toEqual([expect.stringContaining('ignoring STRAVA_BASE_URL')]);
    const cli = await createEngine({ env, warn: (line) => warnings.push(line), openStores: confStores, secrets: memoryBackend() });
    expect(cli.endpoints.token).toBe('https://attacker.example/oauth/token');
    expect(warnings).toHaveLength(1);
    await Promise.all([packaged.close(), cli.close()]);
  });

  it('defaults: Strava itself and the "Pacebar" keychain service', () => {
    expect(keychainServiceFrom({})).toBe('Pacebar');
    expect(keychainServiceFrom({ PACEBAR_KEYCHAIN_SERVICE: '  ' })).toBe('Pacebar');
  });

  it('a bad STRAVA_BASE_URL is one line, before any folder is touched', async () => {
    let opened = false;
    const attempt = createEngine({
      env: { STRAVA_BASE_URL: 'ftp://strava' },
      openStores: () => {
        opened = true;
        return confStores(tempDir());
      },
      secrets: memoryBackend(),
    });
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    await expect(attempt).rejects.toThrow('STRAVA_BASE_URL must start with https:// (or http:// for a local simulator).');
    expect(opened).toBe(false);
  });

  it('a folder that cannot be used names the folder and the cause', async () => {
    const parent = tempDir();
    const blocker = join(parent, 'not-a-folder');
    writeFileSync(blocker, 'x');
    chmodSync(blocker, 0o400);
    const attempt = createEngine({ env: { PACEBAR_CONFIG_DIR: join(blocker, 'Pacebar') }, openStores: confStores, secrets: memoryBackend() });
    await expect(attempt).rejects.toBeInstanceOf(ConfigFolderError);
    await expect(attempt).rejects.toThrow(`Cannot use the settings folder ${join(blocker, 'Pacebar')} (a file is in the way, ENOTDIR). Check PACEBAR_CONFIG_DIR and its permissions.`);
  });
});
