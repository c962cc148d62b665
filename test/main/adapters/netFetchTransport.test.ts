// The app's transport: a fetch (Electron's net.fetch) under the engine's own rules. Driven here by
// Node's fetch against the Strava simulator (same WHATWG Request/Response as net.fetch), and by
// failing fetches that reject as Chromium does (net::ERR_…).
import { afterEach, describe, expect, it } from 'vitest';
import { StravaHttp } from '../../../core/api/httpClient';
import { RateBudget } from '../../../core/api/rateBudget';
import { NetworkError, ServerError, TimeoutError } from '../../../core/errors';
import { netError, netFetchTransport, type NetFetch } from '../../../main/adapters/netFetchTransport';
import { startStravaSim, type StravaSim } from '../../../sim/index';

let sim: StravaSim | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

function http(fetch: NetFetch, options: { headersMs?: number } = {}) {
  return new StravaHttp({
    budget: new RateBudget(() => Date.now()),
    clock: () => Date.now(),
    timeouts: { headersMs: options.headersMs ?? 5_000 },
    retry: { maxRetries: 2, minTimeoutMs: 1, maxTimeoutMs: 5 },
    transport: () => netFetchTransport(fetch),
  });
}

describe('net.fetch transport', () => {
  it('reads a Strava response, its status and rate-limit headers, without cookies or redirects', async () => {
    sim = await startStravaSim();
    const seen: RequestInit[] = [];
    const fetch: NetFetch = (url, init) => {
      seen.push(init);
      return globalThis.fetch(url, init);
    };
    // A bad token is Strava's 401: the status arrives intact.
    await expect(http(fetch).getJson(`${sim.baseUrl}/api/v3/athlete`, 'not-a-token')).rejects.toMatchObject({ name: 'UnauthorizedError' });
    expect(seen[0]).toMatchObject({ method: 'GET', credentials: 'omit', redirect: 'error', bypassCustomProtocolHandlers: true });
    expect((seen[0]!.headers as Record<string, string>)['user-agent']).toBe('Pacebar');
  });

  it('core\'s retries apply: a 503 is retried twice, then a ServerError', async () => {
    let calls = 0;
    const fetch: NetFetch = async () => {
      calls++;
      return new Response('{}', { status: 503 });
    };
    await expect(http(fetch).getJson('https://www.strava.com/api/v3/athlete', 't')).rejects.toBeInstanceOf(ServerError);
    expect(calls).toBe(3);
  });

  it('Chromium\'s connection errors are named and retried like undici\'s; a proxy or certificate failure is named', async () => {
    let calls = 0;
    const refused: NetFetch = async () => {
      calls++;
      throw new TypeError('net::ERR_CONNECTION_REFUSED');
    };
    await expect(http(refused).getJson('https://www.strava.com/api/v3/athlete', 't')).rejects.toThrow("Can't reach Strava (connection refused)");
    expect(calls).toBe(3);
    const proxy: NetFetch = async () => Promise.reject(new TypeError('net::ERR_PROXY_CONNECTION_FAILED'));
    await expect(http(proxy).getJson('https://www.strava.com/api/v3/athlete', 't')).rejects.toThrow('(ERR_PROXY_CONNECTION_FAILED)');
    expect(netError(new Error('net::ERR_CERT_AUTHORITY_INVALID'))).toMatchObject({ code: 'ERR_CERT_AUTHORITY_INVALID' });
    expect(netError('weird')).toMatchObject({ message: 'fetch failed' });
  });

  it('core\'s headers timeout applies: a fetch that never answers is aborted and is a TimeoutError, not retried', async () => {
    let calls = 0;
    const hung: NetFetch = (_url, init) => {
      calls++;
      return new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    };
    await expect(http(hung, { headersMs: 20 }).getJson('https://www.strava.com/api/v3/athlete', 't')).rejects.toBeInstanceOf(TimeoutError);
    expect(calls).toBe(1);
  });

  it('core\'s body limit applies: a body over 8 MB is cut off', async () => {
    const huge: NetFetch = async () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            controller.enqueue(new Uint8Array(1024 * 1024));
          },
        }),
        { status: 200 },
      );
    await expect(http(huge).getJson('https://www.strava.com/api/v3/athlete', 't')).rejects.toThrow('response too large');
  });

  it('a POST (token exchange) is never retried', async () => {
    let calls = 0;
    const failing: NetFetch = async () => {
      calls++;
      throw new TypeError('net::ERR_CONNECTION_RESET');
    };
    await expect(http(failing).postForm('https://www.strava.com/oauth/token', { code: 'c' })).rejects.toBeInstanceOf(NetworkError);
    expect(calls).toBe(1);
  });
});
