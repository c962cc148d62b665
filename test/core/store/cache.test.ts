import { describe, expect, it } from 'vitest';
import type { RateSnapshot } from '../../../core/api/rateBudget';
import { CacheRepository, emptyCache } from '../../../core/store/cache';
import { memoryStore } from '../../support/memory';

const rateBudget: RateSnapshot = { read: { limit: [100, 1000], usage: [3, 40] }, overall: { limit: [200, 2000], usage: [5, 50] }, observedAt: 1_700_000_000_000 };

describe('emptyCache', () => {
  it('has every field empty', () => {
    expect(emptyCache()).toEqual({
      athleteId: null,
      athlete: null,
      athleteFetchedAt: null,
      stats: null,
      statsFetchedAt: null,
      activitiesFetchedAt: null,
      lastFailure: null,
      rateBudget: null,
    });
  });
});

describe('CacheRepository (in memory)', () => {
  it('reads an empty store as the empty cache', () => {
    expect(new CacheRepository(memoryStore<Record<string, unknown>>({})).read()).toEqual(emptyCache());
  });

  it('writes a patch over what is there and reads it back', () => {
    const cache = new CacheRepository(memoryStore<Record<string, unknown>>({}));
    const written = cache.write({ athleteId: 134815, athlete: { id: 134815, firstname: 'M' }, athleteFetchedAt: 10 });
    expect(written.athleteId).toBe(134815);
    const again = cache.write({ rateBudget, lastFailure: { code: 'network', message: 'offline', at: 20 } });
    expect(again.athlete).toEqual({ id: 134815, firstname: 'M' });
    expect(cache.read()).toEqual({ ...emptyCache(), athleteId: 134815, athlete: { id: 134815, firstname: 'M' }, athleteFetchedAt: 10, rateBudget, lastFailure: { code: 'network', message: 'offline', at: 20 } });
  });

  it('an old cache with its 12 weeks of activities reads without them (they live in the history now)', () => {
    const old = { athleteId: 7, activities: [{ id: 1, sportType: 'Run' }], activitiesReconciledAt: 5, statsFetchedAt: 3 };
    expect(new CacheRepository(memoryStore<Record<string, unknown>>(old)).read()).toEqual({ ...emptyCache(), athleteId: 7, statsFetchedAt: 3 });
  });

  it('a foreign-shaped store reads as the empty cache', () => {
    for (const foreign of [
      { athlete: 'hello' },
      { activitiesFetchedAt: 'yesterday' },
      { athleteId: '134815' },
      { rateBudget: { read: { limit: [1], usage: [1, 2] }, overall: null, observedAt: 1 } },
      { stats: { recent_run_totals: {} } },
    ]) {
      expect(new CacheRepository(memoryStore<Record<string, unknown>>(foreign)).read(), JSON.stringify(foreign)).toEqual(emptyCache());
    }
  });

  it('clearAccount forgets the account but keeps the shared rate budget', () => {
    const store = memoryStore<Record<string, unknown>>({});
    const cache = new CacheRepository(store);
    cache.write({ athleteId: 134815, athlete: { id: 134815 }, statsFetchedAt: 5, rateBudget });
    cache.clearAccount();
    expect(cache.read()).toEqual({ ...emptyCache(), rateBudget });
  });

  it('clearAccount without a rate budget leaves an empty cache', () => {
    const cache = new CacheRepository(memoryStore<Record<string, unknown>>({}));
    cache.write({ athleteId: 1 });
    cache.clearAccount();
    expect(cache.read()).toEqual(emptyCache());
  });
});

describe('CacheRepository.readRateBudget', () => {
  it('reads the shared budget, Strava clock skew included, without needing the rest of the cache to decode', () => {
    const budget = { read: { limit: [100, 1000] as [number, number], usage: [99, 400] as [number, number] }, overall: null, observedAt: 1_800_000_000_000, skewMs: 600_000 };
    const repo = new CacheRepository(memoryStore<Record<string, unknown>>({ rateBudget: budget, athlete: 'not an athlete' }));
    expect(repo.readRateBudget()).toEqual(budget);
    expect(repo.read().rateBudget).toBeNull(); // the damaged rest makes the full read fall back to empty
  });

  it('a damaged budget reads as none', () => {
    const repo = new CacheRepository(memoryStore<Record<string, unknown>>({ rateBudget: { read: 'x' } }));
    expect(repo.readRateBudget()).toBeNull();
  });
});
