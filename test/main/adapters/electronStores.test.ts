// electron-store imports electron at its top, so it is replaced here by what it is underneath: conf
// with `name` as the config name (as electron-store 11 does). The point: the app's stores are the
// CLI's files, with the same defaults and the same (zod) validation in SettingsRepository.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class ElectronStore extends Conf<Record<string, unknown>> {
    static created: Record<string, unknown>[] = [];
    constructor(options: Record<string, unknown>) {
      ElectronStore.created.push(options);
      const { name, ...rest } = options;
      super({ ...rest, configName: (name as string) ?? 'config', projectVersion: '0.1.0' } as never);
    }
  }
  return { default: ElectronStore };
});

import Store from 'electron-store';
import { openElectronStores } from '../../../main/adapters/electronStores';
import { openCacheStore, openSettingsStore } from '../../../core/store/confStores';
import { settingsDefaults } from '../../../core/domain';
import { SettingsRepository } from '../../../core/store/settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pacebar-estore-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('electron stores', () => {
  it('open settings.json and cache.json in the config folder with defaults', () => {
    const stores = openElectronStores(dir);
    const created = (Store as unknown as { created: Record<string, unknown>[] }).created;
    expect(created.at(-2)).toMatchObject({ cwd: dir, name: 'settings', defaults: settingsDefaults, clearInvalidConfig: false });
    expect(created.at(-1)).toMatchObject({ cwd: dir, name: 'cache' });
    expect(stores.settings.store).toEqual(settingsDefaults);
    stores.cache.set({ athleteFetchedAt: 1 });
    expect(readdirSync(dir).sort()).toEqual(['cache.json', 'settings.json']);
  });

  it('shares its files with the CLI\'s conf stores', () => {
    const app = openElectronStores(dir);
    app.settings.set({ clientId: '12345', refreshIntervalMinutes: 60 });
    app.cache.set({ marker: 'from-app' });
    expect(openSettingsStore(dir).store).toMatchObject({ clientId: '12345', refreshIntervalMinutes: 60 });
    expect(openCacheStore(dir).store).toMatchObject({ marker: 'from-app' });
    openSettingsStore(dir).set({ primarySport: 'ride' });
    expect(app.settings.store.primarySport).toBe('ride');
  });

  it('settings written through the repository are validated as in the CLI', () => {
    const repo = new SettingsRepository(openElectronStores(dir).settings);
    expect(() => repo.update({ refreshIntervalMinutes: 1 })).toThrow();
    expect(() => repo.update({ clientId: 'abc' })).toThrow();
    expect(repo.update({ refreshIntervalMinutes: 30 }).refreshIntervalMinutes).toBe(30);
    expect(new SettingsRepository(openSettingsStore(dir)).get().refreshIntervalMinutes).toBe(30);
  });
});
