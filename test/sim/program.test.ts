// The simulator's model of Strava's 2026 developer program: oauth/revoke, the inactive switch, the
// athlete limit, the API at both roots, and the request log tests assert on.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENT } from '../../sim/index';
import { ATHLETE_LIMIT_TITLE } from '../../sim/consentPage';
import { authorizeUrl, closeAll, codeFor, exchange, get, login, refresh, startSim } from './helpers';

afterEach(closeAll);

const INACTIVE = { message: 'Forbidden', errors: [{ resource: 'Application', field: 'Status', code: 'Inactive' }] };
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

async function revoke(baseUrl: string, fields: Record<string, string>, authorization?: string) {
  const res = await fetch(`${baseUrl}/oauth/revoke`, {
    method: 'POST',
    headers: authorization ? { authorization } : {},
    body: new URLSearchParams(fields),
  });
  return { status: res.status, body: await res.json() };
}

describe('oauth/revoke', () => {
  it.each(['refresh_token', 'access_token'] as const)('revoking the %s with Basic client auth invalidates both tokens', async (kind) => {
    const sim = await startSim();
    const tokens = await login(sim);
    const res = await revoke(sim.baseUrl, { token: tokens[kind], token_type_hint: kind }, basic(DEMO_CLIENT.clientId, DEMO_CLIENT.clientSecret));
    expect(res.status).toBe(200);
    expect((await get(sim, '/api/v3/athlete', tokens.access_token)).status).toBe(401);
    expect((await refresh(sim, tokens.refresh_token)).status).toBe(400);
  });

  it('refuses a missing or wrong Basic client authentication and revokes nothing', async () => {
    const sim = await startSim();
    const tokens = await login(sim);
    for (const authorization of [undefined, basic(DEMO_CLIENT.clientId, 'wrong'), basic('999', DEMO_CLIENT.clientSecret), 'Bearer x']) {
      const res = await revoke(sim.baseUrl, { token: tokens.refresh_token, client_id: DEMO_CLIENT.clientId, client_secret: DEMO_CLIENT.clientSecret }, authorization);
      expect(res.status, String(authorization)).toBe(401);
    }
    expect((await get(sim, '/api/v3/athlete', tokens.access_token)).status).toBe(200);
  });

  it('an unknown or already revoked token is a 200 (RFC 7009 §2.2); a bad hint is a 400', async () => {
    const sim = await startSim();
    const auth = basic(DEMO_CLIENT.clientId, DEMO_CLIENT.clientSecret);
    expect((await revoke(sim.baseUrl, { token: 'f'.repeat(40) }, auth)).status).toBe(200);
    expect((await revoke(sim.baseUrl, {}, auth)).status).toBe(400);
    expect((await revoke(sim.baseUrl, { token: 'x', token_type_hint: 'id_token' }, auth)).status).toBe(400);
  });
});

describe('the inactive application switch', () => {
  it('answers every API call 403 "Application Status Inactive" at both roots, and recovers when reactivated', async () => {
    const sim = await startSim();
    const tokens = await login(sim);
    sim.setApplicationInactive(true);
    for (const path of ['/api/v3/athlete', '/athlete', `/athletes/${sim.athleteId}/stats`, '/api/v3/athlete/activities']) {
      const res = await get(sim, path, tokens.access_token);
      expect(res.status, path).toBe(403);
      expect(res.body).toEqual(INACTIVE);
    }
    sim.setApplicationInactive(false);
    expect((await get(sim, '/athlete', tokens.access_token)).status).toBe(200);
  });

  it('answers the token endpoint 403 inactive too, and leaves the grant as it was', async () => {
    const sim = await startSim();
    const tokens = await login(sim);
    const code = await codeFor(sim, 'read');
    sim.setApplicationInactive(true, DEMO_CLIENT.clientId);
    expect(await exchange(sim, code)).toMatchObject({ status: 403, body: INACTIVE });
    expect(await refresh(sim, tokens.refresh_token)).toMatchObject({ status: 403, body: INACTIVE });
    sim.setApplicationInactive(false);
    expect((await refresh(sim, tokens.refresh_token)).status).toBe(200);
  });
});

describe('the athlete limit (Standard Tier: 10)', () => {
  it('over the limit, the authorize page is Strava\'s 403 page without a form', async () => {
    const sim = await startSim();
    sim.setOtherConnectedAthletes(10);
    const res = await fetch(authorizeUrl(sim));
    const markup = await res.text();
    expect(res.status).toBe(403);
    expect(markup).toContain(ATHLETE_LIMIT_TITLE);
    expect(markup).not.toContain('<form');
    await expect(sim.consent(authorizeUrl(sim))).rejects.toThrow(/403/);
  });

  it('below the limit, or for an athlete already connected, the consent form as always', async () => {
    const sim = await startSim();
    sim.setOtherConnectedAthletes(9);
    expect((await fetch(authorizeUrl(sim))).status).toBe(200);
    await login(sim);
    sim.setOtherConnectedAthletes(10);
    expect((await fetch(authorizeUrl(sim))).status).toBe(200);
    expect(() => sim.setOtherConnectedAthletes(-1)).toThrow(RangeError);
  });

  it('the limit is a simulator option', async () => {
    const sim = await startSim({ athleteLimit: 1 });
    sim.setOtherConnectedAthletes(1);
    expect((await fetch(authorizeUrl(sim))).status).toBe(403);
  });
});

describe('the API at both roots', () => {
  it('serves /athlete, /athlete/activities and /athletes/{id}/stats under /api/v3 and directly under the host', async () => {
    const sim = await startSim();
    const { access_token } = await login(sim);
    for (const path of ['/athlete', '/athlete/activities?per_page=2', `/athletes/${sim.athleteId}/stats`]) {
      const old = await get(sim, `/api/v3${path}`, access_token);
      const current = await get(sim, path, access_token);
      expect(current.status, path).toBe(200);
      expect(current.body).toEqual(old.body);
    }
    expect((await get(sim, '/nothing', access_token)).status).toBe(404);
  });

  it('logs the Authorization header and the body of each request', async () => {
    const sim = await startSim();
    const { access_token } = await login(sim);
    sim.clearRequests();
    await get(sim, '/athlete', access_token);
    expect(sim.requests).toEqual([expect.objectContaining({ path: '/athlete', authorization: `Bearer ${access_token}`, body: '', status: 200 })]);
  });
});
