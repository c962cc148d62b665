import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENT } from '../../sim/index';
import { REDIRECT, authorizeUrl, closeAll, codeFor, exchange, get, login, post, refresh, startSim } from './helpers';

afterEach(closeAll);

describe('consent page', () => {
  it('serves a self-contained HTML form with hidden fields, scope checkboxes and two buttons', async () => {
    const sim = await startSim();
    const res = await fetch(authorizeUrl(sim, { state: 'a"<b>&c' }));
    const markup = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(markup).toContain('<title>Authorize Pacebar to connect to Strava</title>');
    expect(markup).toContain('action="/oauth/accept_application"');
    expect(markup).toMatch(/<input type="hidden" name="client_id" value="12345">/);
    expect(markup).toContain(`name="redirect_uri" value="${REDIRECT}"`);
    // State is echoed escaped, never as raw markup.
    expect(markup).toContain('name="state" value="a&quot;&lt;b&gt;&amp;c"');
    expect(markup).toMatch(/<input type="checkbox"[^>]*name="scope_activity:read_all"[^>]*checked>/);
    expect(markup).toMatch(/<input type="checkbox"[^>]*name="scope_profile:read_all"[^>]*checked>/);
    expect(markup).not.toContain('name="scope_read"');
    expect(markup).toContain('<button type="submit" id="authorize" name="decision" value="authorize">Authorize</button>');
    expect(markup).toContain('<button type="submit" id="cancel" name="decision" value="cancel">Cancel</button>');
    expect(markup).not.toMatch(/<(script|link|img)\b|https?:\/\/(?!127\.0\.0\.1)/);
  });

  it.each([
    ['unknown client_id', { client_id: '999' }, 'invalid client_id'],
    ['non-loopback redirect_uri', { redirect_uri: 'https://evil.example.com/cb' }, 'invalid redirect_uri'],
    ['non-http redirect_uri', { redirect_uri: 'file://127.0.0.1/cb' }, 'invalid redirect_uri'],
    ['garbage redirect_uri', { redirect_uri: 'not a url' }, 'invalid redirect_uri'],
    ['wrong response_type', { response_type: 'token' }, 'invalid response_type'],
    ['unknown scope', { scope: 'read,admin' }, 'invalid scope'],
  ])('rejects %s with a 400 HTML page', async (_name, params, message) => {
    const sim = await startSim();
    const res = await fetch(authorizeUrl(sim, params));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain(message);
  });

  it('accepts localhost on any port and https', async () => {
    const sim = await startSim();
    for (const uri of ['http://localhost:1/cb', 'https://127.0.0.1:65000/x?y=1']) {
      expect((await fetch(authorizeUrl(sim, { redirect_uri: uri }))).status).toBe(200);
    }
  });
});

describe('accept_application', () => {
  it('redirects with state, code and the granted scopes (read first)', async () => {
    const sim = await startSim();
    const location = new URL(await sim.consent(authorizeUrl(sim, { scope: 'activity:read_all,profile:read_all', state: 'x y&z' })));
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('x y&z');
    expect(location.searchParams.get('code')).toMatch(/^[0-9a-f]{40}$/);
    expect(location.searchParams.get('scope')).toBe('read,activity:read_all,profile:read_all');
    expect(location.search).toContain('scope=read,activity:read_all,profile:read_all');
  });

  it('grants only the boxes left ticked', async () => {
    const sim = await startSim();
    const location = new URL(await sim.consent(authorizeUrl(sim), { uncheck: ['activity:read_all'] }));
    expect(location.searchParams.get('scope')).toBe('read,profile:read_all');
    const tokens = (await exchange(sim, location.searchParams.get('code') ?? '')).body;
    expect((await get(sim, '/api/v3/athlete/activities', tokens.access_token)).status).toBe(403);
  });

  it('Cancel redirects with error=access_denied and no code', async () => {
    const sim = await startSim();
    const location = new URL(await sim.consent(authorizeUrl(sim), { deny: true }));
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('st4te');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('re-validates the redirect_uri posted by the form', async () => {
    const sim = await startSim();
    const res = await fetch(`${sim.baseUrl}/oauth/accept_application`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: '12345', redirect_uri: 'https://evil.example.com', scope: 'read', state: '', decision: 'authorize' }),
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('invalid redirect_uri');
  });
});

describe('token exchange', () => {
  it('returns Strava-shaped tokens with the summary athlete', async () => {
    const sim = await startSim();
    const res = await exchange(sim, await codeFor(sim, 'read'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 21600, expires_at: Math.floor(sim.clock.now() / 1000) + 21600 });
    expect(res.body.access_token).toMatch(/^[0-9a-f]{40}$/);
    expect(res.body.refresh_token).toMatch(/^[0-9a-f]{40}$/);
    expect(res.body.access_token).not.toBe(res.body.refresh_token);
    expect(res.body.athlete).toMatchObject({ id: sim.athleteId, resource_state: 2, firstname: 'Zoë' });
    expect(sim.issuedSecrets()).toEqual(expect.arrayContaining([res.body.access_token, res.body.refresh_token, DEMO_CLIENT.clientSecret]));
  });

  it('accepts a JSON body too', async () => {
    const sim = await startSim();
    const code = await codeFor(sim, 'read');
    const res = await post(sim, '/oauth/token', { client_id: '12345', client_secret: DEMO_CLIENT.clientSecret, code, grant_type: 'authorization_code' }, true);
    expect(res.status).toBe(200);
    expect(res.body.access_token).toMatch(/^[0-9a-f]{40}$/);
  });

  it('codes are single-use', async () => {
    const sim = await startSim();
    const code = await codeFor(sim, 'read');
    expect((await exchange(sim, code)).status).toBe(200);
    const again = await exchange(sim, code);
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ message: 'Bad Request', errors: [{ resource: 'AuthorizationCode', field: 'code', code: 'invalid' }] });
  });

  it('codes expire after codeTtlSeconds of sim time', async () => {
    const sim = await startSim({ codeTtlSeconds: 600 });
    const fresh = await codeFor(sim, 'read');
    const stale = await codeFor(sim, 'read');
    sim.clock.advance(599_000);
    expect((await exchange(sim, fresh)).status).toBe(200);
    sim.clock.advance(1_000);
    expect((await exchange(sim, stale)).body.errors[0]).toEqual({ resource: 'AuthorizationCode', field: 'code', code: 'invalid' });
  });

  it('codes are bound to the client they were issued to', async () => {
    const other = { clientId: '777', clientSecret: 'other-secret' };
    const sim = await startSim({ clients: [DEMO_CLIENT, other] });
    const code = await codeFor(sim, 'read');
    const res = await post(sim, '/oauth/token', { client_id: '777', client_secret: 'other-secret', code, grant_type: 'authorization_code' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ resource: 'AuthorizationCode', field: 'code', code: 'invalid' }]);
    // Another client presenting the code does not burn it for its rightful owner.
    expect((await exchange(sim, code)).status).toBe(200);
  });

  it('reports client and field errors the way Strava does', async () => {
    const sim = await startSim();
    const code = await codeFor(sim, 'read');
    const wrongSecret = await exchange(sim, code, 'nope');
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body).toEqual({ message: 'Bad Request', errors: [{ resource: 'Application', field: 'client_secret', code: 'invalid' }] });
    const unknownClient = await post(sim, '/oauth/token', { client_id: '1', client_secret: 'x', code, grant_type: 'authorization_code' });
    expect(unknownClient.status).toBe(400);
    expect(unknownClient.body.errors).toEqual([{ resource: 'Application', field: 'client_id', code: 'invalid' }]);
    const noCode = await post(sim, '/oauth/token', { client_id: '12345', client_secret: DEMO_CLIENT.clientSecret, grant_type: 'authorization_code' });
    expect(noCode.status).toBe(400);
    expect(noCode.body.errors).toEqual([{ resource: 'AuthorizationCode', field: 'code', code: 'missing' }]);
    const noSecret = await post(sim, '/oauth/token', { client_id: '12345', code, grant_type: 'authorization_code' });
    expect(noSecret.body.errors).toEqual([{ resource: 'Application', field: 'client_secret', code: 'missing' }]);
    // The secret mismatch did not burn the code.
    expect((await exchange(sim, code)).status).toBe(200);
  });
});

describe('refresh', () => {
  it('keeps the access token while more than an hour is left, always rotates the refresh token', async () => {
    const sim = await startSim();
    const first = await login(sim);
    sim.clock.advance(4 * 3600_000); // 2 h left
    const second = await refresh(sim, first.refresh_token);
    expect(second.status).toBe(200);
    expect(second.body).not.toHaveProperty('athlete');
    expect(second.body.token_type).toBe('Bearer');
    expect(second.body.access_token).toBe(first.access_token);
    expect(second.body.expires_at).toBe(first.expires_at);
    expect(second.body.expires_in).toBe(7200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    // The old refresh token is dead at once.
    const reuse = await refresh(sim, first.refresh_token);
    expect(reuse.status).toBe(400);
    expect(reuse.body).toEqual({ message: 'Bad Request', errors: [{ resource: 'RefreshToken', field: 'refresh_token', code: 'invalid' }] });
    expect((await refresh(sim, second.body.refresh_token)).status).toBe(200);
  });

  it('issues a new access token within the last hour and kills the old one', async () => {
    const sim = await startSim();
    const first = await login(sim);
    sim.clock.advance(5.5 * 3600_000);
    const second = await refresh(sim, first.refresh_token);
    expect(second.body.access_token).not.toBe(first.access_token);
    expect(second.body.expires_in).toBe(21600);
    expect((await get(sim, '/api/v3/athlete', first.access_token)).status).toBe(401);
    expect((await get(sim, '/api/v3/athlete', second.body.access_token)).status).toBe(200);
  });

  it('expireAccessTokens makes API calls fail until a refresh', async () => {
    const sim = await startSim();
    const first = await login(sim);
    sim.expireAccessTokens();
    const denied = await get(sim, '/api/v3/athlete', first.access_token);
    expect(denied.status).toBe(401);
    expect(denied.body).toEqual({ message: 'Authorization Error', errors: [{ resource: 'Athlete', field: 'access_token', code: 'invalid' }] });
    const next = await refresh(sim, first.refresh_token);
    expect(next.body.access_token).not.toBe(first.access_token);
    expect((await get(sim, '/api/v3/athlete', next.body.access_token)).status).toBe(200);
  });

  it('access tokens expire by themselves after the TTL', async () => {
    const sim = await startSim({ accessTokenTtlSeconds: 60 });
    const tokens = await login(sim);
    expect(tokens.expires_in).toBe(60);
    sim.clock.advance(59_999);
    expect((await get(sim, '/api/v3/athlete', tokens.access_token)).status).toBe(200);
    sim.clock.advance(1);
    expect((await get(sim, '/api/v3/athlete', tokens.access_token)).status).toBe(401);
  });
});

describe('revocation', () => {
  it('deauthorize (form, JSON or bearer) invalidates every token of the athlete', async () => {
    for (const how of ['form', 'json', 'bearer'] as const) {
      const sim = await startSim();
      const a = await login(sim);
      const b = await login(sim);
      const res =
        how === 'bearer'
          ? await fetch(`${sim.baseUrl}/oauth/deauthorize`, { method: 'POST', headers: { authorization: `Bearer ${a.access_token}` } }).then(async (r) => ({ status: r.status, body: await r.json() }))
          : await post(sim, '/oauth/deauthorize', { access_token: a.access_token }, how === 'json');
      expect(res.status, how).toBe(200);
      expect(res.body).toEqual({ access_token: a.access_token });
      expect((await get(sim, '/api/v3/athlete', b.access_token)).status).toBe(401);
      expect((await refresh(sim, b.refresh_token)).status).toBe(400);
      const again = await post(sim, '/oauth/deauthorize', { access_token: a.access_token });
      expect(again.status).toBe(401);
      expect(again.body.message).toBe('Authorization Error');
    }
  });

  it('revokeAthleteAccess kills access and refresh tokens', async () => {
    const sim = await startSim();
    const tokens = await login(sim);
    sim.revokeAthleteAccess();
    expect((await get(sim, '/api/v3/athlete', tokens.access_token)).status).toBe(401);
    expect((await refresh(sim, tokens.refresh_token)).body.errors[0].resource).toBe('RefreshToken');
  });
});
