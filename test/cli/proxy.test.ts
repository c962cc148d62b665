// The built `pacebar` behind a proxy, as on a corporate network: HTTPS_PROXY / HTTP_PROXY carry its
// requests through a real forward proxy on 127.0.0.1, and NO_PROXY sends a host around it. Strava's
// address here is strava.invalid, which resolves nowhere: only the proxy (which maps it to the
// simulator) can reach it, so an answer proves the request went through the proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT, startStravaSim, type StravaSim } from '../../sim/index';
import { startForwardProxy, type ForwardProxy } from '../support/forwardProxy';
import { buildCliOnce, newAccount, type Account } from './cliHarness';

let strava: StravaSim;
let proxy: ForwardProxy;
let a: Account;
let behindProxy: string;

beforeAll(async () => {
  buildCliOnce();
  strava = await startStravaSim({ now: Date.now() });
  const port = new URL(strava.baseUrl).port;
  proxy = await startForwardProxy({ 'strava.invalid': '127.0.0.1' });
  behindProxy = `http://strava.invalid:${port}`;
  a = newAccount(strava.baseUrl);
  // Set up and connect directly (the stand-in browser does not use the proxy).
  const setup = await a.run(['setup', '--client-id', DEMO_CLIENT.clientId, '--client-secret-stdin'], { input: `${DEMO_CLIENT.clientSecret}\n` });
  expect(setup.code, setup.stderr).toBe(0);
  const login = await a.login();
  expect(login.code, login.stderr).toBe(0);
}, 90_000);

afterAll(async () => {
  await a?.run(['logout', '--forget-credentials']);
  await proxy?.close();
  await strava?.close();
  a?.dispose();
});

describe('pacebar behind a proxy', { timeout: 60_000 }, () => {
  it('without a proxy, strava.invalid cannot be reached (exit 0 with the stale cache, nothing at the proxy)', async () => {
    const before = strava.requests.length;
    const result = await a.run(['status', '--refresh', '--format', 'json'], { env: { STRAVA_BASE_URL: behindProxy } });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ stale: true });
    expect(strava.requests.length).toBe(before);
    expect(proxy.seen).toEqual([]);
  });

  it('HTTPS_PROXY and HTTP_PROXY: the refresh goes through the proxy and reaches Strava', async () => {
    const before = strava.count({ path: '/api/v3/athlete/activities' });
    const result = await a.run(['status', '--refresh', '--format', 'json'], {
      env: { STRAVA_BASE_URL: behindProxy, HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ stale: false });
    expect(strava.count({ path: '/api/v3/athlete/activities' })).toBeGreaterThan(before);
    // undici tunnels through the proxy (CONNECT), or sends absolute-form requests: either names strava.invalid.
    expect(proxy.seen.length).toBeGreaterThan(0);
    for (const line of proxy.seen) expect(line).toMatch(/^(CONNECT strava\.invalid:\d+|GET http:\/\/strava\.invalid:\d+\/api\/v3\/)/);
  });

  it('lower-case http_proxy works too, and NO_PROXY sends the host around the proxy', async () => {
    proxy.seen.length = 0;
    const lower = await a.run(['status', '--refresh'], { env: { STRAVA_BASE_URL: behindProxy, http_proxy: proxy.url } });
    expect(lower.code, lower.stderr).toBe(0);
    expect(proxy.seen.length).toBeGreaterThan(0);
    proxy.seen.length = 0;
    const bypassed = await a.run(['status', '--refresh', '--format', 'json'], {
      env: { STRAVA_BASE_URL: behindProxy, HTTP_PROXY: proxy.url, NO_PROXY: 'strava.invalid' },
    });
    expect(bypassed.code, bypassed.stderr).toBe(0);
    expect(JSON.parse(bypassed.stdout)).toMatchObject({ stale: true });
    expect(proxy.seen).toEqual([]);
  });
});
