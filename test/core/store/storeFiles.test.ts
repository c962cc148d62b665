import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCacheStore, openSettingsStore } from '../../../core/store/confStores';
import { settingsDefaults } from '../../../core/domain';
import { SettingsRepository } from '../../../core/store/settings';
import { readOnlyJsonStore, readOnlyStores } from '../../../core/store/storeFiles';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pacebar-storefiles-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('read-only stores', () => {
  it('read what conf wrote, live, without loading conf', () => {
    const writer = new SettingsRepository(openSettingsStore(dir));
    const reader = new SettingsRepository(readOnlyStores(dir).settings);
    expect(reader.get()).toEqual(settingsDefaults);
    writer.update({ clientId: '4711', primarySport: 'swim' });
    expect(reader.get()).toEqual({ ...settingsDefaults, clientId: '4711', primarySport: 'swim' });
  });

  it('a missing, corrupt or non-object file reads as the defaults', () => {
    const store = readOnlyJsonStore(dir, 'thing', { a: 1 });
    expect(store.store).toEqual({ a: 1 });
    writeFileSync(join(dir, 'thing.json'), '{ nope');
    expect(store.store).toEqual({ a: 1 });
    writeFileSync(join(dir, 'thing.json'), '[1, 2]');
    expect(store.store).toEqual({ a: 1 });
  });

  it('refuse writes', () => {
    const store = readOnlyJsonStore(dir, 'thing', { a: 1 });
    expect(() => store.set({ a: 2 })).toThrow(/read-only/);
    expect(() => store.clear()).toThrow(/read-only/);
  });
});

describe('file permissions', () => {
  it.runIf(process.platform !== 'win32')('settings and cache are readable by their owner only', () => {
    new SettingsRepository(openSettingsStore(dir)).update({ primarySport: 'ride' });
    openCacheStore(dir).set({ marker: 1 });
    expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'cache.json')).mode & 0o777).toBe(0o600);
  });
});
