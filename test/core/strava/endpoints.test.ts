import { describe, expect, it } from 'vitest';
import {
  API_MOVES_AT,
  DEFAULT_STRAVA_API_URL,
  LEGACY_STRAVA_API_URL,
  apiBaseAt,
  endpointsFromEnv,
  isLoopbackUrl,
  stravaEndpoints,
} from '../../../core/strava/endpoints';
import { InvalidInputError } from '../../../core/errors';

describe('Strava endpoints (OAuth and API bases apart)', () => {
  it('defaults: OAuth at www.strava.com, the API at www.strava.com/api/v3 until 1 June 2027 and at www.api-v3.strava.com from then on', () => {
    const endpoints = endpointsFromEnv({});
    expect(endpoints).toEqual({
      baseUrl: 'https://www.strava.com',
      authorize: 'https://www.strava.com/oauth/authorize',
      token: 'https://www.strava.com/oauth/token',
      revoke: 'https://www.strava.com/oauth/revoke',
      api: DEFAULT_STRAVA_API_URL,
      legacyApi: LEGACY_STRAVA_API_URL,
      apiMovesAt: API_MOVES_AT,
    });
    expect(DEFAULT_STRAVA_API_URL).toBe('https://www.api-v3.strava.com');
    expect(new Date(API_MOVES_AT).toISOString()).toBe('2027-06-01T00:00:00.000Z');
    // Today (the new host does not answer yet) and up to the last millisecond before the move: the old base.
    expect(apiBaseAt(endpoints, Date.UTC(2026, 11, 1))).toBe('https://www.strava.com/api/v3');
    expect(apiBaseAt(endpoints, API_MOVES_AT - 1)).toBe('https://www.strava.com/api/v3');
    expect(apiBaseAt(endpoints, API_MOVES_AT)).toBe('https://www.api-v3.strava.com');
  });

  it('an override is used whatever the date (the simulator has no move)', () => {
    const sim = endpointsFromEnv({ STRAVA_BASE_URL: 'http://127.0.0.1:4567' });
    expect(apiBaseAt(sim, Date.UTC(2026, 11, 1))).toBe('http://127.0.0.1:4567/api/v3');
    const api = endpointsFromEnv({ STRAVA_API_URL: 'http://127.0.0.1:9' });
    expect(apiBaseAt(api, Date.UTC(2026, 11, 1))).toBe('http://127.0.0.1:9');
    expect(apiBaseAt(api, API_MOVES_AT + 1)).toBe('http://127.0.0.1:9');
  });

  it('STRAVA_BASE_URL alone points OAuth there and the API at its /api/v3', () => {
    const endpoints = endpointsFromEnv({ STRAVA_BASE_URL: 'http://127.0.0.1:4567/' });
    expect(endpoints.token).toBe('http://127.0.0.1:4567/oauth/token');
    expect(endpoints.revoke).toBe('http://127.0.0.1:4567/oauth/revoke');
    expect(endpoints.api).toBe('http://127.0.0.1:4567/api/v3');
  });

  it('STRAVA_API_URL sets the API base on its own, with or without STRAVA_BASE_URL', () => {
    expect(endpointsFromEnv({ STRAVA_API_URL: 'http://127.0.0.1:9/' })).toMatchObject({ baseUrl: 'https://www.strava.com', api: 'http://127.0.0.1:9' });
    expect(endpointsFromEnv({ STRAVA_BASE_URL: 'http://127.0.0.1:8', STRAVA_API_URL: 'http://127.0.0.1:9' })).toMatchObject({
      token: 'http://127.0.0.1:8/oauth/token',
      api: 'http://127.0.0.1:9',
    });
  });

  it('a bad value is a one-line InvalidInputError naming the variable', () => {
    expect(() => endpointsFromEnv({ STRAVA_API_URL: 'ftp://x' })).toThrow(InvalidInputError);
    expect(() => endpointsFromEnv({ STRAVA_API_URL: 'ftp://x' })).toThrow(/^STRAVA_API_URL must start with https:\/\//);
    expect(() => endpointsFromEnv({ STRAVA_BASE_URL: 'not a url' })).toThrow(/^STRAVA_BASE_URL is not a URL/);
    expect(() => stravaEndpoints('https://user:pw@127.0.0.1')).toThrow(/user name or password/);
  });

  describe('the packaged-build rule: overrides only on loopback', () => {
    const hostile = { STRAVA_BASE_URL: 'https://attacker.example', STRAVA_API_URL: 'https://attacker.example/api' };

    it('isPackaged true: non-loopback overrides are ignored, each with one warning line', () => {
      const warnings: string[] = [];
      const endpoints = endpointsFromEnv(hostile, { packaged: true, warn: (line) => warnings.push(line) });
      expect(endpoints).toEqual(stravaEndpoints());
      expect(warnings).toHaveLength(2);
      expect(warnings[0]).toMatch(/ignoring STRAVA_BASE_URL/);
      expect(warnings[1]).toMatch(/ignoring STRAVA_API_URL/);
      // The warning is about the variable, never an echo of where it pointed.
      expect(warnings.join('\n')).not.toContain('attacker');
    });

    it('isPackaged true: loopback overrides are honoured with a keychain service of their own (the demo and the e2e test)', () => {
      const warnings: string[] = [];
      for (const base of ['http://127.0.0.1:4567', 'http://127.8.9.10:1', 'http://localhost:3000', 'http://[::1]:3000', 'http://127.1:5']) {
        expect(endpointsFromEnv({ STRAVA_BASE_URL: base }, { packaged: true, separateKeychain: true, warn: (line) => warnings.push(line) }).baseUrl).toBe(new URL(base).origin);
      }
      expect(warnings).toEqual([]);
    });

    it('isPackaged true: a loopback override with the person\'s own keychain records is ignored (a local server never gets real tokens)', () => {
      const warnings: string[] = [];
      expect(endpointsFromEnv({ STRAVA_BASE_URL: 'http://127.0.0.1:4567' }, { packaged: true, warn: (line) => warnings.push(line) })).toEqual(stravaEndpoints());
      expect(warnings).toEqual([expect.stringMatching(/ignoring STRAVA_BASE_URL: .*PACEBAR_KEYCHAIN_SERVICE/)]);
    });

    it('isPackaged false (npm start, the CLI): any override is honoured', () => {
      const warnings: string[] = [];
      const endpoints = endpointsFromEnv(hostile, { packaged: false, warn: (line) => warnings.push(line) });
      expect(endpoints.token).toBe('https://attacker.example/oauth/token');
      expect(endpoints.api).toBe('https://attacker.example/api');
      expect(warnings).toEqual([]);
    });

    it('look-alikes of loopback are not loopback', () => {
      for (const url of ['https://127.0.0.1.evil.example', 'https://localhost.evil.example', 'https://evil.example/127.0.0.1', 'https://128.0.0.1', 'https://[::2]', 'https://10.0.0.1', 'nonsense']) {
        expect(isLoopbackUrl(url), url).toBe(false);
      }
    });
  });
});
