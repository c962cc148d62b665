import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, get, login, startSim } from './helpers';

afterEach(closeAll);

const usage = (h: Headers) => ({ overall: h.get('x-ratelimit-usage'), read: h.get('x-readratelimit-usage') });

describe('rate limits', () => {
  it('every API response carries the limit and usage headers, even a 401', async () => {
    const sim = await startSim();
    const { access_token } = await login(sim);
    const ok = await get(sim, '/api/v3/athlete', access_token);
    expect(ok.headers.get('x-ratelimit-limit')).toBe('200,2000');
    expect(ok.headers.get('x-readratelimit-limit')).toBe('100,1000');
    expect(usage(ok.headers)).toEqual({ overall: '1,1', read: '1,1' });
    const denied = await get(sim, '/api/v3/athlete');
    expect(denied.status).toBe(401);
    expect(usage(denied.headers)).toEqual({ overall: '2,2', read: '2,2' });
  });

  it('OAuth endpoints neither count nor carry the headers', async () => {
    const sim = await startSim({ readLimits: [1, 1], overallLimits: [1, 1] });
    const tokens = await login(sim); // authorize page, form post and token exchange
    const again = await login(sim);
    expect(again.access_token).not.toBe(tokens.access_token);
    const page = await fetch(`${sim.baseUrl}/oauth/authorize?client_id=12345`);
    expect(page.headers.get('x-ratelimit-usage')).toBeNull();
    const first = await get(sim, '/api/v3/athlete', tokens.access_token);
    expect(first.status).toBe(200);
    expect(usage(first.headers)).toEqual({ overall: '1,1', read: '1,1' });
  });

  it('answers 429 past the 15-minute read limit, counts the 429s, and resets on the quarter hour', async () => {
    const sim = await startSim({ now: Date.UTC(2025, 5, 10, 12, 3), readLimits: [3, 100] });
    const { access_token } = await login(sim);
    for (let i = 0; i < 3; i++) expect((await get(sim, '/api/v3/athlete', access_token)).status).toBe(200);
    const limited = await get(sim, '/api/v3/athlete', access_token);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ message: 'Rate Limit Exceeded', errors: [{ resource: 'Application', field: 'rate limit', code: 'exceeded' }] });
    expect(usage(limited.headers)).toEqual({ overall: '4,4', read: '4,4' });
    expect(usage((await get(sim, '/api/v3/athlete', access_token)).headers).read).toBe('5,5');
    sim.clock.set(Date.UTC(2025, 5, 10, 12, 14, 59, 999));
    expect((await get(sim, '/api/v3/athlete', access_token)).status).toBe(429);
    sim.clock.set(Date.UTC(2025, 5, 10, 12, 15));
    const fresh = await get(sim, '/api/v3/athlete', access_token);
    expect(fresh.status).toBe(200);
    expect(usage(fresh.headers)).toEqual({ overall: '1,7', read: '1,7' });
  });

  it('resets the daily limit at UTC midnight', async () => {
    const sim = await startSim({ now: Date.UTC(2025, 5, 10, 23, 50), readLimits: [100, 5] });
    const { access_token } = await login(sim);
    for (let i = 0; i < 5; i++) expect((await get(sim, '/api/v3/athlete', access_token)).status).toBe(200);
    expect((await get(sim, '/api/v3/athlete', access_token)).status).toBe(429);
    sim.clock.set(Date.UTC(2025, 5, 10, 23, 59, 59));
    const still = await get(sim, '/api/v3/athlete', access_token);
    expect(still.status).toBe(429);
    expect(usage(still.headers).read).toBe('7,7');
    sim.clock.set(Date.UTC(2025, 5, 11, 0, 0));
    const next = await get(sim, '/api/v3/athlete', access_token);
    expect(next.status).toBe(200);
    expect(usage(next.headers)).toEqual({ overall: '1,1', read: '1,1' });
  });

  it('non-GET requests count toward the overall limit only', async () => {
    const sim = await startSim({ overallLimits: [2, 100] });
    const { access_token } = await login(sim);
    const post = await fetch(`${sim.baseUrl}/api/v3/athlete`, { method: 'PUT', headers: { authorization: `Bearer ${access_token}` } });
    await post.arrayBuffer();
    expect(usage(post.headers)).toEqual({ overall: '1,1', read: '0,0' });
    expect((await get(sim, '/api/v3/athlete', access_token)).status).toBe(200);
    const third = await get(sim, '/api/v3/athlete', access_token);
    expect(third.status).toBe(429);
    expect(usage(third.headers)).toEqual({ overall: '3,3', read: '2,2' });
  });
});
