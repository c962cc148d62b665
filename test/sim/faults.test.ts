import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_CLIENT } from '../../sim/index';
import { closeAll, codeFor, exchange, get, login, post, refresh, startSim } from './helpers';

afterEach(closeAll);

async function setup() {
  const sim = await startSim();
  const { access_token } = await login(sim);
  const auth = { authorization: `Bearer ${access_token}` };
  return { sim, access_token, auth };
}

describe('fault injection', () => {
  it('status: answers the injected status once, then normally', async () => {
    const { sim, access_token } = await setup();
    sim.inject({ path: '/api/v3/athlete', action: { kind: 'status', status: 503 } });
    const faulted = await get(sim, '/api/v3/athlete', access_token);
    expect(faulted.status).toBe(503);
    expect(faulted.body).toEqual({ message: 'Service Unavailable', errors: [] });
    expect((await get(sim, '/api/v3/athlete', access_token)).status).toBe(200);
  });

  it('status: custom body and headers, times, method and RegExp filters', async () => {
    const { sim, access_token, auth } = await setup();
    sim.inject({ method: 'post', path: /athlete/, times: 5, action: { kind: 'status', status: 500 } }); // never matches GETs
    sim.inject({
      path: /^\/api\/v3\/athlete/,
      times: 2,
      action: { kind: 'status', status: 429, body: { message: 'Rate Limit Exceeded' }, headers: { 'Retry-After': '60' } },
    });
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${sim.baseUrl}/api/v3/athlete/activities`, { headers: auth });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('60');
      expect(await res.json()).toEqual({ message: 'Rate Limit Exceeded' });
    }
    expect((await get(sim, '/api/v3/athlete', access_token)).status).toBe(200);
  });

  it('Infinity rules keep firing until cleared; earlier rules win', async () => {
    const { sim, access_token } = await setup();
    sim.inject({ path: '/api/v3/athlete', action: { kind: 'status', status: 502 } });
    sim.inject({ path: '/api/v3/athlete', times: Infinity, action: { kind: 'status', status: 500 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(sim, '/api/v3/athlete', access_token)).status);
    expect(statuses).toEqual([502, 500, 500, 500]);
    sim.clearFaults();
    expect((await get(sim, '/api/v3/athlete', access_token)).status).toBe(200);
  });

  it('applies to /oauth endpoints too', async () => {
    const sim = await startSim();
    const code = await codeFor(sim, 'read');
    sim.inject({ method: 'POST', path: '/oauth/token', action: { kind: 'status', status: 500 } });
    expect((await exchange(sim, code)).status).toBe(500);
    // The faulted request never reached the handler, so the code is still good.
    expect((await exchange(sim, code)).status).toBe(200);
  });

  it('delay: holds the answer back for the given time, then answers normally', async () => {
    const { sim, access_token } = await setup();
    sim.inject({ path: '/api/v3/athlete', action: { kind: 'delay', ms: 250 } });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const held = sim.handled({ path: '/api/v3/athlete' });
      const response = get(sim, '/api/v3/athlete', access_token);
      const record = await held;
      await vi.advanceTimersByTimeAsync(249);
      expect(record.status).toBe(0); // not answered yet
      await vi.advanceTimersByTimeAsync(1);
      const res = await response;
      expect(record.status).toBe(200);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(sim.athleteId);
    } finally {
      vi.useRealTimers();
    }
  });

  it('hold: answers normally once the given promise settles, not before', async () => {
    const { sim, access_token } = await setup();
    let release!: () => void;
    sim.inject({ path: '/api/v3/athlete', action: { kind: 'hold', until: new Promise<void>((resolve) => (release = resolve)) } });
    const held = sim.handled({ path: '/api/v3/athlete' });
    const response = get(sim, '/api/v3/athlete', access_token);
    const record = await held;
    expect(record.status).toBe(0);
    release();
    const res = await response;
    expect(record.status).toBe(200);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(sim.athleteId);
  });

  it('hang: never answers, and close() still finishes', async () => {
    const { sim, auth } = await setup();
    sim.inject({ path: '/api/v3/athlete', action: { kind: 'hang' } });
    const giveUp = new AbortController();
    const held = sim.handled({ path: '/api/v3/athlete' });
    const pending = fetch(`${sim.baseUrl}/api/v3/athlete`, { headers: auth, signal: giveUp.signal });
    // The sim has done all it will do with the request, and sent nothing back.
    expect((await held).status).toBe(0);
    giveUp.abort();
    await expect(pending).rejects.toThrow(/abort/i);
    sim.inject({ path: '/api/v3/athlete', action: { kind: 'hang' } });
    const second = sim.handled({ path: '/api/v3/athlete' });
    const hung = fetch(`${sim.baseUrl}/api/v3/athlete`, { headers: auth });
    await second;
    expect(sim.count({ path: '/api/v3/athlete' })).toBe(2);
    const started = performance.now();
    await sim.close();
    expect(performance.now() - started).toBeLessThan(2000);
    await hung.then((r) => r.arrayBuffer()).catch(() => undefined);
  });

  it('malformed-json: 200 with a JSON content type and a non-JSON body', async () => {
    const { sim, auth } = await setup();
    sim.inject({ path: '/api/v3/athlete', action: { kind: 'malformed-json' } });
    const res = await fetch(`${sim.baseUrl}/api/v3/athlete`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    await expect(res.json()).rejects.toThrow(SyntaxError);
  });

  it('truncated-json: 200, first half of the real body, matching Content-Length', async () => {
    const { sim, auth } = await setup();
    const full = await (await fetch(`${sim.baseUrl}/api/v3/athlete`, { headers: auth })).text();
    sim.inject({ path: '/api/v3/athlete', action: { kind: 'truncated-json' } });
    const res = await fetch(`${sim.baseUrl}/api/v3/athlete`, { headers: auth });
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
    expect(body.length).toBe(Math.floor(Buffer.byteLength(full) / 2));
    expect(Buffer.from(full).subarray(0, body.length).equals(body)).toBe(true);
    expect(() => JSON.parse(body.toString('utf8'))).toThrow(SyntaxError);
  });

  it('wrong-shape: an array where an object is expected and vice versa', async () => {
    const { sim, access_token } = await setup();
    sim.inject({ path: '/api/v3/athlete', action: { kind: 'wrong-shape' } });
    sim.inject({ path: '/api/v3/athlete/activities', action: { kind: 'wrong-shape' } });
    sim.inject({ path: '/oauth/token', action: { kind: 'wrong-shape' } });
    const athlete = await get(sim, '/api/v3/athlete', access_token);
    expect(athlete.status).toBe(200);
    expect(athlete.body).toEqual([{ unexpected: true }]);
    expect((await get(sim, '/api/v3/athlete/activities', access_token)).body).toEqual({ unexpected: true });
    const token = await exchange(sim, 'whatever');
    expect(token.status).toBe(200);
    expect(token.body).not.toHaveProperty('access_token');
  });

  it('drop: the socket closes without an answer', async () => {
    const { sim, auth } = await setup();
    sim.inject({ path: '/api/v3/athlete', action: { kind: 'drop' } });
    await expect(fetch(`${sim.baseUrl}/api/v3/athlete`, { headers: auth })).rejects.toThrow(/fetch failed/);
    expect(sim.requests.at(-1)).toMatchObject({ path: '/api/v3/athlete', status: 0 });
    expect((await fetch(`${sim.baseUrl}/api/v3/athlete`, { headers: auth })).status).toBe(200);
  });

  it('drop-mid-body: headers arrive, then the body breaks off', async () => {
    const { sim, auth } = await setup();
    sim.inject({ path: '/api/v3/athlete/activities', action: { kind: 'drop-mid-body' } });
    const res = await fetch(`${sim.baseUrl}/api/v3/athlete/activities`, { headers: auth });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(1000);
    await expect(res.text()).rejects.toThrow();
  });
});

describe('request log', () => {
  it('handled() resolves with the next matching request once the sim has acted on it', async () => {
    const sim = await startSim();
    const { access_token } = await login(sim);
    const athlete = sim.handled({ path: '/api/v3/athlete' });
    const anyPost = sim.handled({ method: 'POST' });
    await get(sim, '/api/v3/athlete/activities', access_token); // matches neither
    await get(sim, '/api/v3/athlete', access_token);
    expect(await athlete).toMatchObject({ method: 'GET', path: '/api/v3/athlete', status: 200 });
    await post(sim, '/oauth/deauthorize', { access_token });
    expect(await anyPost).toMatchObject({ method: 'POST', path: '/oauth/deauthorize', status: 200 });
    expect(sim.requests.filter((r) => r.path === '/api/v3/athlete/activities')).toHaveLength(1);
  });

  it('records method, path, query, status and sim time of every request', async () => {
    const sim = await startSim();
    const { access_token } = await login(sim);
    sim.clearRequests();
    expect(sim.requests).toEqual([]);
    sim.clock.advance(1234);
    await get(sim, '/api/v3/athlete/activities?per_page=5&page=2', access_token);
    await get(sim, '/api/v3/athlete');
    await fetch(`${sim.baseUrl}/oauth/token`, { method: 'POST', body: new URLSearchParams({ client_id: DEMO_CLIENT.clientId }) });
    expect(sim.requests).toEqual([
      { method: 'GET', path: '/api/v3/athlete/activities', query: { per_page: '5', page: '2' }, status: 200, at: sim.clock.now(), authorization: `Bearer ${access_token}`, body: '' },
      { method: 'GET', path: '/api/v3/athlete', query: {}, status: 401, at: sim.clock.now(), body: '' },
      { method: 'POST', path: '/oauth/token', query: {}, status: 400, at: sim.clock.now(), body: `client_id=${DEMO_CLIENT.clientId}` },
    ]);
    expect(sim.count()).toBe(3);
    expect(sim.count({ method: 'get' })).toBe(2);
    expect(sim.count({ path: '/api/v3/athlete' })).toBe(1);
    expect(sim.count({ path: /^\/api\/v3\// })).toBe(2);
    expect(sim.count({ method: 'POST', path: /oauth/ })).toBe(1);
    expect(sim.issuedSecrets()).toContain(access_token);
  });
});

describe('fault injection: the knobs of the hostile-network tests', () => {
  it('latency: the request is handled at once (a refresh rotates), only the answer is late', async () => {
    const { sim } = await setup();
    const { refresh_token } = await login(sim);
    let oldTokenLiveWhenAnswerQueued: boolean | null = null;
    sim.inject({
      path: '/oauth/token',
      action: {
        kind: 'latency',
        ms: (status) => {
          oldTokenLiveWhenAnswerQueued = sim.isLiveRefreshToken(refresh_token);
          return status === 200 ? 0 : 10_000;
        },
      },
    });
    const answer = await refresh(sim, refresh_token);
    expect(answer.status).toBe(200);
    expect(oldTokenLiveWhenAnswerQueued).toBe(false);
    expect(sim.isLiveRefreshToken(answer.body.refresh_token)).toBe(true);
  });

  it('drip: the whole normal body arrives, a byte per write', async () => {
    const { sim, access_token } = await setup();
    // A small answer (a 404's), so the drip is over quickly.
    const url = `${sim.baseUrl}/api/v3/nothing-here`;
    const headers = { authorization: `Bearer ${access_token}` };
    const normal = await fetch(url, { headers }).then((r) => r.text());
    sim.inject({ path: '/api/v3/nothing-here', action: { kind: 'drip', intervalMs: 0 } });
    const response = await fetch(url, { headers });
    const chunks: Buffer[] = [];
    for await (const chunk of response.body!) chunks.push(Buffer.from(chunk));
    expect(Buffer.concat(chunks).toString('utf8')).toBe(normal);
    expect(chunks.length).toBeGreaterThan(1);
  });

  it('headers: a far-future Date and spent usage on an otherwise normal answer', async () => {
    const { sim, access_token } = await setup();
    sim.inject({ path: '/api/v3/athlete', action: { kind: 'headers', headers: { Date: 'Fri, 01 Jan 2100 00:00:00 GMT', 'X-ReadRateLimit-Usage': '100,1000' } } });
    const answer = await get(sim, '/api/v3/athlete', access_token);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('date')).toBe('Fri, 01 Jan 2100 00:00:00 GMT');
    expect(answer.headers.get('x-readratelimit-usage')).toBe('100,1000');
    expect(answer.body.id).toBe(sim.athleteId);
  });

  it('patch-json: the token exchange names another athlete than the API does', async () => {
    const sim = await startSim();
    const code = await codeFor(sim, 'read');
    sim.inject({ path: '/oauth/token', action: { kind: 'patch-json', patch: { athlete: { id: 999 } } } });
    const exchanged = await exchange(sim, code);
    expect(exchanged.status).toBe(200);
    expect(exchanged.body.athlete.id).toBe(999);
    expect(exchanged.body.athlete.firstname).toBe('Zoë');
    expect((await get(sim, '/api/v3/athlete', exchanged.body.access_token)).body.id).toBe(sim.athleteId);
  });

  it('a generic 400 body on the token endpoint', async () => {
    const { sim } = await setup();
    const { refresh_token } = await login(sim);
    sim.inject({ path: '/oauth/token', action: { kind: 'status', status: 400, body: { error: 'bad_request' } } });
    const answer = await refresh(sim, refresh_token);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: 'bad_request' });
    expect(sim.isLiveRefreshToken(refresh_token)).toBe(true);
  });
});

describe('fault injection: gather', () => {
  it('holds requests until the group is complete, then answers all of them', async () => {
    const { sim, access_token } = await setup();
    sim.inject({ path: '/api/v3/athlete', times: 3, action: { kind: 'gather', count: 3 } });
    const answered: number[] = [];
    const first = get(sim, '/api/v3/athlete', access_token).then((r) => answered.push(r.status));
    const second = get(sim, '/api/v3/athlete', access_token).then((r) => answered.push(r.status));
    // Both are in the sim, neither answered, until the third arrives.
    await new Promise<void>((resolve) => {
      const check = () => (sim.count({ path: '/api/v3/athlete' }) === 2 ? resolve() : setImmediate(check));
      check();
    });
    expect(answered).toEqual([]);
    await get(sim, '/api/v3/athlete', access_token);
    await Promise.all([first, second]);
    expect(answered).toEqual([200, 200]);
  });
});
