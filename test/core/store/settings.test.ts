import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../support/memory';
import { REFRESH_INTERVAL_MINUTES, settingsDefaults } from '../../../core/domain';
import { effectiveUnits, SettingsRepository, type Settings } from '../../../core/store/settings';

describe('SettingsRepository', () => {
  it('starts from the defaults', () => {
    const repo = new SettingsRepository(memoryStore<Settings>(settingsDefaults));
    expect(repo.get()).toEqual({
      clientId: null,
      athleteId: null,
      units: null,
      primarySport: 'run',
      eBikeRidesAsRides: false,
      refreshIntervalMinutes: 15,
      launchAtLogin: false,
      signInMethod: 'window',
      goals: [],
      menuBarTitle: 'goal',
      trayIcon: 'ring',
      notifyGoalReached: false,
      weeklySummaryAt: null,
      notified: { goalReached: {}, weeklySummary: null },
    });
    expect(REFRESH_INTERVAL_MINUTES.presets).toContain(repo.get().refreshIntervalMinutes);
  });

  it('reads goals one by one: one it cannot read hides no other, and is counted', () => {
    const good = { id: 1, sport: 'run', period: 'week', measure: 'distance', target: 30_000 };
    const newer = { id: 2, sport: 'run', period: 'fortnight', measure: 'distance', target: 60_000 };
    const store = memoryStore({ ...settingsDefaults, goals: [good, newer, { ...good, id: 3 }] } as unknown as Settings);
    const repo = new SettingsRepository(store);
    expect(repo.get().goals.map((goal) => goal.id)).toEqual([1, 3]);
    expect(repo.unreadableGoals()).toBe(1);
    expect((store.store.goals as unknown[]).length).toBe(3);
    expect(new SettingsRepository(memoryStore<Settings>(settingsDefaults)).unreadableGoals()).toBe(0);
  });

  it('fills in defaults missing from an older settings file', () => {
    const repo = new SettingsRepository(memoryStore({ clientId: '12345' } as Settings));
    expect(repo.get()).toEqual({ ...settingsDefaults, clientId: '12345' });
  });

  it('update patches only the given fields and returns the result', () => {
    const repo = new SettingsRepository(memoryStore<Settings>(settingsDefaults));
    const next = repo.update({ units: 'imperial', refreshIntervalMinutes: 60 });
    expect(next).toEqual({ ...settingsDefaults, units: 'imperial', refreshIntervalMinutes: 60 });
    expect(repo.get()).toEqual(next);
    expect(repo.update({ athleteId: 7 })).toEqual({ ...next, athleteId: 7 });
  });

  it('get returns a copy: mutating it does not change the store', () => {
    const repo = new SettingsRepository(memoryStore<Settings>(settingsDefaults));
    const settings = repo.get();
    settings.primarySport = 'swim';
    expect(repo.get().primarySport).toBe('run');
  });
});

describe('effectiveUnits', () => {
  it('the user\'s choice wins', () => {
    expect(effectiveUnits({ ...settingsDefaults, units: 'metric' }, 'feet')).toBe('metric');
    expect(effectiveUnits({ ...settingsDefaults, units: 'imperial' }, 'meters')).toBe('imperial');
  });

  it('otherwise follows Strava\'s measurement preference, else metric', () => {
    expect(effectiveUnits(settingsDefaults, 'feet')).toBe('imperial');
    expect(effectiveUnits(settingsDefaults, 'meters')).toBe('metric');
    expect(effectiveUnits(settingsDefaults, null)).toBe('metric');
    expect(effectiveUnits(settingsDefaults, undefined)).toBe('metric');
    expect(effectiveUnits(settingsDefaults, 'furlongs')).toBe('metric');
  });
});
