// Overall deadlines: a server that drips a byte every few seconds never trips the gap timeout, so
// each exchange has a deadline of its own and a GET with its retries one more. Driven by fake
// timers through a stand-in transport: no test waits for time to pass.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TIMEOUTS, StravaHttp } from '../../../core/api/httpClient';
import { RateBudget } from '../../../core/api/rateBudget';
import type { HttpTransport, TransportRequest } from '../../../core/api/transport';
import { TimeoutError } from '../../../core/errors';

afterEach(() => {
  vi.useRealTimers();
});

/** Answers at once, then sends one byte of the body each time `drip()` is called; never ends. */
function drippingTransport() {
  const sent: TransportRequest[] = [];
  let push: ((byte: Uint8Array) => void) | null = null;
  let cancelled = 0;
  const transport: HttpTransport = {
    async send(request) {
      sent.push(request);
      const queue: Uint8Array[] = [];
      let wake: (() => void) | null = null;
      push = (byte) => {
        queue.push(byte);
        wake?.();
      };
      let stopped = false;
      request.signal.addEventListener('abort', () => {
        stopped = true;
        wake?.();
      });
      async function* body(): AsyncIterable<Uint8Array> {
        for (;;) {
          if (stopped) throw Object.assign(new Error('aborted'), { code: 'UND_ERR_ABORTED' });
          const next = queue.shift();
          if (next) yield next;
          else await new Promise<void>((resolve) => (wake = resolve));
        }
      }
      return { status: 200, headers: {}, body: body(), cancel: () => void (cancelled += 1) };
    },
    async close() {},
  };
  return { transport, sent, drip: () => push?.(new Uint8Array([0x20])), cancelled: () => cancelled };
}

describe('StravaHttp overall deadlines', () => {
  it('a body dripping a byte every 5 s ends in TimeoutError at the exchange deadline, not never', async () => {
    vi.useFakeTimers();
    const fake = drippingTransport();
    const http = new StravaHttp({ budget: new RateBudget(() => Date.now()), clock: () => Date.now(), transport: () => fake.transport });
    const result = http.getJson('https://www.strava.com/api/v3/athlete', 'token');
    let outcome: unknown = 'pending';
    result.then((value) => (outcome = value), (error: unknown) => (outcome = error));
    let elapsed = 0;
    // Each gap (5 s) is well inside the 15 s gap timeout: only the overall deadline can end this.
    while (outcome === 'pending' && elapsed < 120_000) {
      fake.drip();
      await vi.advanceTimersByTimeAsync(5_000);
      elapsed += 5_000;
    }
    expect(outcome).toBeInstanceOf(TimeoutError);
    expect(elapsed).toBeLessThanOrEqual(DEFAULT_TIMEOUTS.exchangeMs + 5_000);
    // A timeout is not retried: one request only.
    expect(fake.sent).toHaveLength(1);
    await http.close();
  });

  it('a POST to the token endpoint has the same deadline', async () => {
    vi.useFakeTimers();
    const fake = drippingTransport();
    const http = new StravaHttp({ budget: new RateBudget(() => Date.now()), clock: () => Date.now(), transport: () => fake.transport, timeouts: { exchangeMs: 2_000 } });
    const result = http.postForm('https://www.strava.com/oauth/token', { grant_type: 'refresh_token' });
    result.catch(() => {});
    for (let i = 0; i < 5; i += 1) {
      fake.drip();
      await vi.advanceTimersByTimeAsync(500);
    }
    await expect(result).rejects.toBeInstanceOf(TimeoutError);
    await http.close();
  });

  it('retries of a failing GET stop at the overall deadline', async () => {
    vi.useFakeTimers();
    let sent = 0;
    const refusing: HttpTransport = {
      async send() {
        sent += 1;
        throw Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
      },
      async close() {},
    };
    const http = new StravaHttp({
      budget: new RateBudget(() => Date.now()),
      clock: () => Date.now(),
      transport: () => refusing,
      retry: { maxRetries: 100, minTimeoutMs: 1_000, maxTimeoutMs: 1_000 },
      timeouts: { totalMs: 5_500 },
    });
    const result = http.getJson('https://www.strava.com/api/v3/athlete', 'token');
    result.catch(() => {});
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(result).rejects.toThrow();
    // One try a second within 5.5 s, never the hundred the retry setting would allow.
    expect(sent).toBeLessThanOrEqual(6);
    expect(sent).toBeGreaterThanOrEqual(5);
    await http.close();
  });

  it('cancelAll ends a request in flight at once (a disconnect does not wait for it)', async () => {
    const fake = drippingTransport();
    const http = new StravaHttp({ budget: new RateBudget(() => Date.now()), clock: () => Date.now(), transport: () => fake.transport });
    const result = http.getJson('https://www.strava.com/api/v3/athlete', 'token');
    result.catch(() => {});
    while (fake.sent.length === 0) await new Promise((resolve) => setImmediate(resolve));
    http.cancelAll();
    await expect(result).rejects.toThrow();
    expect(fake.sent[0]!.signal.aborted).toBe(true);
    await http.close();
  });
});
