// The app's transport: a fetch (Electron's net.fetch) under the engine's own rules. Driven here by
// Node's fetch against the Strava simulator (same WHATWG Request/Response as net.fetch), and by
// failing fetches that reject as Chromium does (net::ERR_…).
import { afterEach, describe, expect, it } from 'vitest';
import { StravaHttp } from '../../../core/api/httpClient';
import { RateBudget } from '../../../core/api/rateBudget';
import { CertificateError, NetworkError, ProxyError, ServerError, TimeoutError } from '../../../core/errors';
import { netError, netFetchTransport, type NetFetch } from '../../../main/adapters/netFetchTransport';
import { startStravaSim, type StravaSim } from '../../../sim/index';
import { heldTimers, type HeldTimers } from '../../support/heldTimers';

let sim: StravaSim | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

function http(fetch: NetFetch, options: { timers?: HeldTimers; maxRetries?: number } = {}) {
  return new StravaHttp({
    budget: new RateBudget(() => Date.now()),
    clock: () => Date.now(),
    timeouts: { headersMs: 5_000, bodyMs: 5_000 },
    retry: { maxRetries: options.maxRetries ?? 2, minTimeoutMs: 0, maxTimeoutMs: 0 },
    ...(options.timers ? { timers: options.timers } : {}),
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
    // no-store: Strava's answers never go into <userData>/Cache, nor are they revalidated unseen by the budget.
    expect(seen[0]).toMatchObject({ method: 'GET', credentials: 'omit', redirect: 'error', cache: 'no-store', bypassCustomProtocolHandlers: true });
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

  it('Chromium\'s connection errors are named and retried like undici\'s', async () => {
    let calls = 0;
    const refused: NetFetch = async () => {
      calls++;
      throw new TypeError('net::ERR_CONNECTION_REFUSED');
    };
    await expect(http(refused).getJson('https://www.strava.com/api/v3/athlete', 't')).rejects.toThrow("Can't reach Strava (connection refused)");
    expect(calls).toBe(3);
    expect(netError(new Error('net::ERR_CERT_AUTHORITY_INVALID'))).toMatchObject({ code: 'ERR_CERT_AUTHORITY_INVALID' });
    expect(netError('weird')).toMatchObject({ message: 'fetch failed' });
  });

  it('a proxy or certificate failure is its own error, not "offline", and not retried', async () => {
    const failing = (name: string) => {
      let calls = 0;
      const fetch: NetFetch = async () => {
        calls++;
        throw new TypeError(`net::${name}`);
      };
      return { fetch, calls: () => calls };
    };
    for (const name of ['ERR_PROXY_CONNECTION_FAILED', 'ERR_TUNNEL_CONNECTION_FAILED', 'ERR_PROXY_AUTH_REQUESTED', 'ERR_PAC_SCRIPT_FAILED']) {
      const { fetch, calls } = failing(name);
      const error = await http(fetch).getJson('https://www.strava.com/api/v3/athlete', 't').catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(ProxyError);
      expect((error as Error).message).toBe(`Pacebar could not get through the proxy (${name}). Check the system's proxy settings (HTTPS_PROXY for the pacebar command).`);
      expect(calls()).toBe(1);
    }
    for (const name of ['ERR_CERT_AUTHORITY_INVALID', 'ERR_CERT_DATE_INVALID', 'ERR_CERT_COMMON_NAME_INVALID']) {
      const { fetch, calls } = failing(name);
      const error = await http(fetch).getJson('https://www.strava.com/api/v3/athlete', 't').catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(CertificateError);
      expect((error as Error).message).toContain("add its CA to the system's trusted certificates");
      expect(calls()).toBe(1);
    }
  });

  it('core\'s headers timeout applies: a fetch that never answers is aborted and is a TimeoutError, not retried', async () => {
    let calls = 0;
    let called!: () => void;
    const sent = new Promise<void>((resolve) => (called = resolve));
    const hung: NetFetch = (_url, init) => {
      calls++;
      called();
      return new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    };
    const timers = heldTimers();
    const answer = http(hung, { timers }).getJson('https://www.strava.com/api/v3/athlete', 't');
    await sent;
    expect(timers.fireAll()).toBeGreaterThan(0);
    await expect(answer).rejects.toBeInstanceOf(TimeoutError);
    expect(calls).toBe(1);
  });

  it('core\'s body limit applies: a body over 8 MB is cut off, its stream cancelled and the request aborted', async () => {
    let cancelled = 0;
    let signal: AbortSignal | undefined;
    const huge: NetFetch = async (_url, init) => {
      signal = init.signal ?? undefined;
      return new Response(
        new ReadableStream({
          pull(controller) {
            controller.enqueue(new Uint8Array(1024 * 1024));
          },
          cancel() {
            cancelled += 1;
          },
        }),
        { status: 200 },
      );
    };
    await expect(http(huge).getJson('https://www.strava.com/api/v3/athlete', 't')).rejects.toThrow('response too large');
    // Through the reader that holds the lock (a locked stream's own cancel() only rejects), once.
    expect(cancelled).toBe(1);
    // net.fetch aborts the Chromium request when its signal aborts.
    expect(signal?.aborted).toBe(true);
  });

  it('a body read to its end leaves the request alone (nothing cancelled or aborted)', async () => {
    let cancelled = 0;
    let signal: AbortSignal | undefined;
    const small: NetFetch = async (_url, init) => {
      signal = init.signal ?? undefined;
      return new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"id":1}'));
            controller.close();
          },
          cancel() {
            cancelled += 1;
          },
        }),
        { status: 200 },
      );
    };
    await expect(http(small).getJson('https://www.strava.com/api/v3/athlete', 't')).resolves.toEqual({ id: 1 });
    expect(cancelled).toBe(0);
    expect(signal?.aborted).toBe(false);
  });

  it('a body that stalls is timed out: cancelled through the reader, a TimeoutError (not a cut-off body read as complete)', async () => {
    let cancelled = 0;
    let pulled!: () => void;
    const started = new Promise<void>((resolve) => (pulled = resolve));
    const stalls: NetFetch = async () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"id":'));
          },
          pull() {
            // The first chunk was read: from now on nothing comes.
            pulled();
          },
          cancel() {
            cancelled += 1;
          },
        }),
        { status: 200 },
      );
    const timers = heldTimers();
    const answer = http(stalls, { timers, maxRetries: 0 }).getJson('https://www.strava.com/api/v3/athlete', 't');
    await started;
    // The body timer, re-armed after the first chunk (and the exchange and GET deadlines with it).
    expect(timers.fireAll()).toBeGreaterThan(0);
    await expect(answer).rejects.toBeInstanceOf(TimeoutError);
    expect(cancelled).toBe(1);
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
