// The whole engine flow against the simulator over real HTTP: connect, scopes, polls, disconnect.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidClientError, InvalidCodeError, RedirectError } from '../../../core/errors';
import { browserConsentRunner } from '../../../core/oauth/browserConsent';
import { DEMO_CLIENT } from '../../../sim/index';
import { connect, currentTokens, startHarness, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const apiCount = () => h.sim.count({ path: /^\/api\/v3\// });

describe('connect', () => {
  it('goes consent → redirect → exchange → athlete → activities → stats in four requests', async () => {
    h.sim.clearRequests();
    const result = await connect(h);
    const paths = h.sim.requests
      .filter((r) => !r.path.startsWith('/oauth/authorize') && !r.path.startsWith('/oauth/accept'))
      .map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual([
      'POST /oauth/token',
      'GET /api/v3/athlete',
      'GET /api/v3/athlete/activities',
      `GET /api/v3/athletes/${h.sim.athleteId}/stats`,
    ]);
    expect(result.athlete.id).toBe(h.sim.athleteId);
    expect(result.missing).toEqual([]);
    expect(await h.engine.status()).toBe('connected');

    const cache = h.engine.cache.read();
    expect(cache.athlete?.firstname).toBe('Zoë');
    expect(cache.stats?.ytd_run_totals.count).toBeGreaterThan(0);
    expect(h.engine.history.read().activities.length).toBeGreaterThan(5);
    const tokens = await currentTokens(h);
    expect(tokens?.scopes).toEqual(['read', 'activity:read', 'activity:read_all', 'profile:read_all']);
  });

  it('without the private box, lists Everyone and Followers activities and says what is left out', async () => {
    h.sim.clearRequests();
    const result = await connect(h, { uncheck: ['activity:read_all'] });
    expect(result.missing.map((m) => m.scope)).toEqual(['activity:read_all']);
    expect(result.missing[0]?.consequence).toMatch(/Only You activities are not counted|Activities you set to Only You are not counted/);
    expect(h.sim.count({ path: '/api/v3/athlete/activities' })).toBe(1);
    expect(h.engine.history.read().activities.some((a) => a.visibility === 'only_me')).toBe(false);
    expect(h.engine.history.read().activities.some((a) => a.visibility === 'followers_only')).toBe(true);
    expect((await h.engine.missingScopes()).map((m) => m.scope)).toEqual(['activity:read_all']);
  });

  it('without any activity box, does not ask for what it may not read and says what that costs', async () => {
    h.sim.clearRequests();
    const result = await connect(h, { uncheck: ['activity:read', 'activity:read_all'] });
    expect(result.missing.map((m) => m.scope)).toEqual(['activity:read', 'activity:read_all']);
    expect(result.missing[0]?.consequence).toMatch(/cannot read your activities/);
    expect(h.sim.count({ path: '/api/v3/athlete/activities' })).toBe(0);
  });

  it('a denied consent leaves nothing behind', async () => {
    await expect(connect(h, { deny: true })).rejects.toMatchObject({ problem: 'access_denied' });
    expect(await h.engine.status()).toBe('not_connected');
    expect(h.engine.settings.get().athleteId).toBeNull();
    expect(h.sim.count({ path: '/oauth/token' })).toBe(0);
  });

  it('refuses a redirect whose state is not this attempt\'s, and the real one still connects', async () => {
    const answers: number[] = [];
    const runner = browserConsentRunner({
      stravaBaseUrl: h.sim.baseUrl,
      openExternal: async (authorizeUrl) => {
        const real = new URL(await h.sim.consent(authorizeUrl));
        const forged = new URL(real);
        forged.searchParams.set('state', 'forged');
        answers.push((await fetch(forged)).status);
        answers.push(h.sim.count({ path: '/oauth/token' }));
        answers.push((await fetch(real)).status);
      },
    });
    await h.engine.signIn(runner, { signal: new AbortController().signal });
    // The forged answer got an error page and spent nothing; the real one connected.
    expect(answers).toEqual([400, 0, 200]);
    expect(h.sim.count({ path: '/oauth/token' })).toBe(1);
    expect(await h.engine.status()).toBe('connected');
  });

  it('a code works once', async () => {
    let used = '';
    await connect(h, { tamper: (redirect) => void (used = redirect.searchParams.get('code') ?? '') });
    // The same code, replayed into a new attempt (its own listener and state): Strava refuses it.
    const replay = (redirect: URL) => redirect.searchParams.set('code', used);
    await expect(connect(h, { tamper: replay })).rejects.toBeInstanceOf(InvalidCodeError);
    expect(await h.engine.status()).toBe('connected');
  });

  it('a wrong client secret is explained and nothing is stored', async () => {
    await h.engine.credentials.save('12345', 'not-the-secret');
    await expect(connect(h)).rejects.toBeInstanceOf(InvalidClientError);
    expect(h.engine.settings.get().athleteId).toBeNull();
  });
});

describe('polling', () => {
  it('asks for one activities page when nothing changed, and stats only when something did', async () => {
    await connect(h);
    h.sim.clock.advance(15 * 60_000);
    h.sim.clearRequests();
    const quiet = await h.engine.sync();
    expect(quiet.changed).toBe(false);
    expect(h.sim.requests.map((r) => r.path)).toEqual(['/api/v3/athlete/activities']);

    h.sim.clock.advance(15 * 60_000);
    h.sim.addActivity({ sport_type: 'TrailRun', distance: 12_345.6, moving_time: 4_000, total_elevation_gain: 420.5 });
    h.sim.clock.advance(60_000);
    h.sim.clearRequests();
    const busy = await h.engine.sync();
    expect(busy.changed).toBe(true);
    expect(h.sim.requests.map((r) => r.path)).toEqual(['/api/v3/athlete/activities', `/api/v3/athletes/${h.sim.athleteId}/stats`]);
    expect(busy.changed).toBe(true);
    expect(h.engine.history.read().activities.some((a) => a.distance === 12_345.6 && a.sportType === 'TrailRun')).toBe(true);
  });

  it('re-reads the athlete and the chart window once a day, not more', async () => {
    await connect(h);
    let athleteReads = 0;
    for (let poll = 0; poll < 96; poll += 1) {
      h.sim.clock.advance(15 * 60_000);
      h.sim.clearRequests();
      await h.engine.sync();
      athleteReads += h.sim.count({ path: '/api/v3/athlete' });
    }
    expect(athleteReads).toBe(1);
  });
});

describe('disconnect', () => {
  it('revokes at Strava, deletes the tokens and the cache, keeps the app credentials', async () => {
    await connect(h);
    const tokens = await currentTokens(h);
    const result = await h.engine.disconnect();
    expect(result.revokedAtStrava).toBe(true);
    expect(h.sim.count({ path: '/oauth/revoke' })).toBe(1);
    expect(h.sim.count({ path: '/oauth/deauthorize' })).toBe(0);
    // oauth/revoke: Basic client authentication, the refresh token and its hint; nothing else.
    const [revoke] = h.sim.requests.filter((r) => r.path === '/oauth/revoke');
    expect(revoke?.authorization).toBe(`Basic ${Buffer.from(`${DEMO_CLIENT.clientId}:${DEMO_CLIENT.clientSecret}`).toString('base64')}`);
    expect(Object.fromEntries(new URLSearchParams(revoke?.body))).toEqual({ token: tokens!.refreshToken, token_type_hint: 'refresh_token' });
    // Both tokens are dead at Strava: the access token is refused, and so is the refresh token.
    const read = await fetch(`${h.sim.baseUrl}/api/v3/athlete`, { headers: { authorization: `Bearer ${tokens!.accessToken}` } });
    expect(read.status).toBe(401);
    const refresh = await fetch(`${h.sim.baseUrl}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: DEMO_CLIENT.clientId, client_secret: DEMO_CLIENT.clientSecret, grant_type: 'refresh_token', refresh_token: tokens!.refreshToken }),
    });
    expect(refresh.status).toBe(400);
    expect(await h.engine.vault.loadTokens(tokens!.athleteId)).toBeNull();
    expect(h.engine.cache.read().athlete).toBeNull();
    expect(await h.engine.status()).toBe('not_connected');
    expect(await h.engine.credentials.has()).toBe(true);
    const before = apiCount();
    await expect(h.engine.sync()).rejects.toMatchObject({ code: 'not_connected' });
    expect(apiCount()).toBe(before);
  });

  it('still disconnects locally when Strava cannot be reached', async () => {
    await connect(h);
    h.sim.inject({ path: '/oauth/revoke', action: { kind: 'drop' } });
    const result = await h.engine.disconnect();
    expect(result.revokedAtStrava).toBe(false);
    expect(await h.engine.status()).toBe('not_connected');
  });

  it('an already revoked grant still disconnects here, and no refresh is made first', async () => {
    await connect(h);
    h.sim.revokeAthleteAccess();
    h.sim.clearRequests();
    const result = await h.engine.disconnect();
    expect(h.sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /oauth/revoke']);
    expect(result.revokedAtStrava).toBe(true);
    expect(await h.engine.status()).toBe('not_connected');
  });
});
