import { describe, expect, it } from 'vitest';
import { canReadActivities, DEFAULT_SCOPES, missingScopes, parseScopes } from '../../../core/oauth/scopes';

describe('parseScopes', () => {
  it('splits comma-separated scopes as Strava sends them', () => {
    expect(parseScopes('read,activity:read_all,profile:read_all')).toEqual(['read', 'activity:read_all', 'profile:read_all']);
  });

  it('splits space-separated and mixed separators, trimming blanks', () => {
    expect(parseScopes('read activity:read')).toEqual(['read', 'activity:read']);
    expect(parseScopes(' read ,  activity:read ,,profile:read_all ')).toEqual(['read', 'activity:read', 'profile:read_all']);
    expect(parseScopes('read\tactivity:read\nprofile:read_all')).toEqual(['read', 'activity:read', 'profile:read_all']);
  });

  it('dedupes while keeping first-seen order', () => {
    expect(parseScopes('read,read activity:read,read')).toEqual(['read', 'activity:read']);
  });

  it('treats null, undefined, empty and separator-only input as no scopes', () => {
    expect(parseScopes(null)).toEqual([]);
    expect(parseScopes(undefined)).toEqual([]);
    expect(parseScopes('')).toEqual([]);
    expect(parseScopes(' , ,')).toEqual([]);
  });
});

describe('missingScopes', () => {
  it('is empty when everything requested was granted', () => {
    expect(missingScopes(['read', 'activity:read_all', 'profile:read_all'])).toEqual([]); // read_all implies read
  });

  it('lists each unticked default scope with a non-empty consequence', () => {
    const missing = missingScopes(['read']);
    expect(missing.map((entry) => entry.scope)).toEqual(['activity:read', 'activity:read_all', 'profile:read_all']);
    for (const entry of missing) {
      expect(entry.consequence.trim().length).toBeGreaterThan(10);
      expect(entry.consequence).not.toContain('\n');
    }
  });

  it('reports every default scope when nothing was granted, each with a distinct consequence', () => {
    const missing = missingScopes([]);
    expect(missing.map((entry) => entry.scope)).toEqual([...DEFAULT_SCOPES]);
    expect(new Set(missing.map((entry) => entry.consequence)).size).toBe(DEFAULT_SCOPES.length);
  });

  it('activity:read_all implies activity:read, not the other way round', () => {
    expect(missingScopes(['activity:read_all'], ['activity:read'])).toEqual([]);
    const missing = missingScopes(['activity:read'], ['activity:read_all']);
    expect(missing).toHaveLength(1);
    expect(missing[0]?.scope).toBe('activity:read_all');
    expect(missing[0]?.consequence).toMatch(/Only You activities are not counted|set to Only You are not counted/);
  });

  it('says what actually happens: without activity:read there is no list at all, so Only You is "either"', () => {
    const [read, readAll] = missingScopes(['read', 'profile:read_all']);
    expect(read?.consequence).toMatch(/cannot read your activities: it shows only Strava's own run, ride and swim totals/);
    expect(readAll?.consequence).toBe('Activities you set to Only You could not be counted either.');
    const [profile] = missingScopes(['read', 'activity:read_all']);
    expect(profile?.consequence).toMatch(/Your name, photo and location are still shown/);
  });

  it('read_all implies read', () => {
    expect(missingScopes(['read_all'], ['read'])).toEqual([]);
  });

  it('gives a generic but non-empty consequence for an unknown scope', () => {
    const [entry] = missingScopes([], ['profile:write']);
    expect(entry?.scope).toBe('profile:write');
    expect(entry?.consequence).toContain('profile:write');
  });
});

describe('canReadActivities', () => {
  it('is true with activity:read or activity:read_all', () => {
    expect(canReadActivities(['activity:read'])).toBe(true);
    expect(canReadActivities(['read', 'activity:read_all'])).toBe(true);
  });

  it('is false without an activity scope', () => {
    expect(canReadActivities([])).toBe(false);
    expect(canReadActivities(['read', 'profile:read_all', 'read_all'])).toBe(false);
    expect(canReadActivities(['activity:write'])).toBe(false);
  });
});
