import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RateSnapshot } from '../../../core/api/rateBudget';
import { CacheRepository, emptyCache } from '../../../core/store/cache';
import { CACHE_FILE, openCacheStore, openSettingsStore, SETTINGS_FILE } from '../../../core/store/confStores';
import { memoryStore } from '../../support/memory';
import { settingsDefaults } from '../../../core/domain';
import { SettingsRepository, type Settings, type TypedStore } from '../../../core/store/settings';
import { settingsRecovery } from '../../../core/store/storeFiles';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pacebar-unit-store-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const settingsPath = () => join(dir, `${SETTINGS_FILE}.json`);
const cachePath = () => join(dir, `${CACHE_FILE}.json`);
const onDisk = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

describe('conf-backed settings', () => {
  it('start from the defaults and persist updates across instances', () => {
    const repo = new SettingsRepository(openSettingsStore(dir));
    expect(repo.get()).toEqual(settingsDefaults);
    repo.update({ clientId: '12345', athleteId: 134815, units: 'imperial', refreshIntervalMinutes: 30, primarySport: 'ride', signInMethod: 'browser', launchAtLogin: true });
    const reopened = new SettingsRepository(openSettingsStore(dir));
    expect(reopened.get()).toEqual({ ...settingsDefaults, clientId: '12345', athleteId: 134815, units: 'imperial', refreshIntervalMinutes: 30, primarySport: 'ride', signInMethod: 'browser', launchAtLogin: true });
    expect(onDisk(settingsPath()).clientId).toBe('12345');
  });

  it('accept null for the nullable fields', () => {
    const repo = new SettingsRepository(openSettingsStore(dir));
    repo.update({ clientId: '1', athleteId: 2, units: 'metric' });
    expect(repo.update({ clientId: null, athleteId: null, units: null })).toEqual(settingsDefaults);
  });

  const invalid: [string, Partial<Settings>][] = [
    ['refreshIntervalMinutes 5', { refreshIntervalMinutes: 5 }],
    ['refreshIntervalMinutes 20.5', { refreshIntervalMinutes: 20.5 }],
    ['refreshIntervalMinutes 2000', { refreshIntervalMinutes: 2000 }],
    ['clientId "abc"', { clientId: 'abc' }],
    ['clientId "12a"', { clientId: '12a' }],
    ['clientId of 13 digits', { clientId: '1234567890123' }],
    ['clientId empty', { clientId: '' }],
    ['athleteId 0', { athleteId: 0 }],
    ['athleteId 1.5', { athleteId: 1.5 }],
    ['units "furlongs"', { units: 'furlongs' as never }],
    ['primarySport "yoga" (a sport type, not a family)', { primarySport: 'yoga' as never }],
    ['launchAtLogin "yes"', { launchAtLogin: 'yes' as never }],
    ['signInMethod "popup"', { signInMethod: 'popup' as never }],
  ];

  for (const [what, patch] of invalid) {
    it(`refuse ${what} with an error and keep the old value on disk`, () => {
      const repo = new SettingsRepository(openSettingsStore(dir));
      repo.update({ clientId: '12345', refreshIntervalMinutes: 30, athleteId: 9 });
      const before = readFileSync(settingsPath(), 'utf8');
      expect(() => repo.update(patch)).toThrow();
      expect(readFileSync(settingsPath(), 'utf8')).toBe(before);
      expect(new SettingsRepository(openSettingsStore(dir)).get()).toEqual({ ...settingsDefaults, clientId: '12345', refreshIntervalMinutes: 30, athleteId: 9 });
    });
  }

  it('a damaged settings file (garbage, truncated, [], null) is kept aside, never overwritten, and marked for recovery', () => {
    for (const damaged of ['{ not json', '{"clientId":"12345","athleteId":13', '[]', 'null', '42', '']) {
      for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
      writeFileSync(settingsPath(), damaged);
      expect(new SettingsRepository(openSettingsStore(dir)).get(), damaged).toEqual(settingsDefaults);
      const aside = readdirSync(dir).filter((name) => /^settings\.damaged-.*\.json$/.test(name));
      expect(aside, damaged).toHaveLength(1);
      expect(readFileSync(join(dir, aside[0]!), 'utf8'), damaged).toBe(damaged);
      expect(settingsRecovery(dir).pending(), damaged).toBe(true);
    }
  });

  it('a sound settings file is left where it is, with no recovery pending', () => {
    writeFileSync(settingsPath(), JSON.stringify({ ...settingsDefaults, clientId: '777' }));
    expect(new SettingsRepository(openSettingsStore(dir)).get().clientId).toBe('777');
    expect(readdirSync(dir).filter((name) => name.includes('damaged'))).toEqual([]);
    expect(settingsRecovery(dir).pending()).toBe(false);
  });

  it('creates the settings folder readable by its owner only', () => {
    const nested = join(dir, 'a', 'Pacebar');
    openSettingsStore(nested);
    if (process.platform !== 'win32') {
      expect(statSync(nested).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, 'a')).mode & 0o777).toBe(0o700);
    }
  });

  it('a settings file with an invalid value falls back to the default for that field only', () => {
    writeFileSync(settingsPath(), JSON.stringify({ ...settingsDefaults, clientId: '777', refreshIntervalMinutes: 1 }));
    expect(new SettingsRepository(openSettingsStore(dir)).get()).toEqual({ ...settingsDefaults, clientId: '777' });
  });
});

describe('conf-backed cache', () => {
  const rateBudget: RateSnapshot = { read: { limit: [100, 1000], usage: [3, 40] }, overall: null, observedAt: 1_700_000_000_000 };

  it('round-trips through the file', () => {
    const cache = new CacheRepository(openCacheStore(dir));
    cache.write({ athleteId: 134815, athlete: { id: 134815, firstname: 'M', badge_type_id: 1 }, rateBudget });
    const reopened = new CacheRepository(openCacheStore(dir)).read();
    expect(reopened.athlete).toEqual({ id: 134815, firstname: 'M', badge_type_id: 1 });
    expect(reopened.rateBudget).toEqual(rateBudget);
  });

  it('a corrupt cache file reads as the empty cache', () => {
    writeFileSync(cachePath(), '{"athleteId": 134815, "activities": [');
    expect(new CacheRepository(openCacheStore(dir)).read()).toEqual(emptyCache());
  });

  it('a foreign-shaped cache file reads as the empty cache', () => {
    writeFileSync(cachePath(), JSON.stringify({ athleteId: 'me', activities: 'lots', stats: [1, 2, 3] }));
    expect(new CacheRepository(openCacheStore(dir)).read()).toEqual(emptyCache());
  });

  it('clearAccount keeps only the rate budget on disk', () => {
    const cache = new CacheRepository(openCacheStore(dir));
    cache.write({ athleteId: 134815, athlete: { id: 134815 }, statsFetchedAt: 5, rateBudget });
    cache.clearAccount();
    expect(onDisk(cachePath())).toEqual({ rateBudget });
    expect(new CacheRepository(openCacheStore(dir)).read()).toEqual({ ...emptyCache(), rateBudget });
  });
});

describe('memoryStore', () => {
  it('merges sets and clears back to the defaults', () => {
    const store = memoryStore({ a: 1, b: 2 });
    store.set({ a: 5 });
    expect(store.store).toEqual({ a: 5, b: 2 });
    store.clear();
    expect(store.store).toEqual({ a: 1, b: 2 });
  });
});

describe('settingsJsonSchema (electron-store\'s schema option)', () => {
  it('makes conf refuse what the repository refuses, and accept what it accepts', async () => {
    const { default: Conf } = await import('conf');
    const { settingsJsonSchema } = await import('../../../core/store/settings');
    const { settingsPatchSchema } = await import('../../../core/domain');
    const conf = new Conf<Settings>({ cwd: dir, configName: 'schema-check', defaults: settingsDefaults, schema: settingsJsonSchema() as never });
    const store: TypedStore<Settings> = conf;
    store.set({ clientId: '12345', refreshIntervalMinutes: 30, units: null });
    expect(store.store).toMatchObject({ clientId: '12345', refreshIntervalMinutes: 30, units: null });
    for (const patch of [{ refreshIntervalMinutes: 5 }, { clientId: 'abc' }, { primarySport: 'yoga' }, { signInMethod: 'popup' }] as Partial<Settings>[]) {
      expect(settingsPatchSchema.safeParse(patch).success).toBe(false);
      expect(() => store.set(patch)).toThrow();
    }
    expect(store.store.refreshIntervalMinutes).toBe(30);
  });

  it('opens a file with a goal it cannot read (the repository reads goals one by one), keeping the rest', async () => {
    const { default: Conf } = await import('conf');
    const { settingsJsonSchema } = await import('../../../core/store/settings');
    const good = { id: 1, sport: 'run', period: 'week', measure: 'distance', target: 30_000 };
    writeFileSync(join(dir, 'schema-goals.json'), JSON.stringify({ ...settingsDefaults, primarySport: 'ride', goals: [good, { id: 2, period: 'fortnight' }] }));
    const conf = new Conf<Settings>({ cwd: dir, configName: 'schema-goals', defaults: settingsDefaults, schema: settingsJsonSchema() as never });
    const repo = new SettingsRepository(conf);
    expect(repo.get()).toMatchObject({ primarySport: 'ride', goals: [good] });
    expect(() => conf.set({ goals: 'none' } as never)).toThrow();
  });
});
