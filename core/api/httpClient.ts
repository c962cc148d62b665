// HTTP to Strava over a transport (transport.ts): timeouts, bounded retries of idempotent GETs,
// the body limit, rate-limit headers fed to the budget, and every failure turned into a typed
// error, the same whichever transport sends the bytes.
import { systemTimers, type Timers } from '../clock';
import {
  AppInactiveError,
  BadResponseError,
  ForbiddenError,
  MissingScopeError,
  NotFoundError,
  PacebarError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
} from '../errors';
import { isInactive, stravaFaultSchema, type StravaFault } from '../strava/models';
import { parseRateHeaders, type RateBudget } from './rateBudget';
import { connectionFailure } from './networkFailures';
import type { HttpTransport } from './transport';

export interface HttpTimeouts {
  connectMs: number;
  headersMs: number;
  /** The longest gap between two chunks of a body. */
  bodyMs: number;
  /** One exchange from first byte out to last byte in, however steadily the server drips. */
  exchangeMs: number;
  /** A GET with all its retries and back-offs. */
  totalMs: number;
}

export interface HttpRetry {
  maxRetries: number;
  minTimeoutMs: number;
  maxTimeoutMs: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = { connectMs: 10_000, headersMs: 15_000, bodyMs: 15_000, exchangeMs: 30_000, totalMs: 45_000 };
export const DEFAULT_RETRY: HttpRetry = { maxRetries: 2, minTimeoutMs: 500, maxTimeoutMs: 4_000 };

export interface HttpClientOptions {
  budget: RateBudget;
  clock: () => number;
  timeouts?: Partial<HttpTimeouts>;
  retry?: Partial<HttpRetry>;
  /** Runs the timeouts and back-off (the system's unless a test fires them itself). */
  timers?: Timers;
}

export interface RawResponse {
  status: number;
  /** Decoded JSON, or null when a non-200 answer carried none. */
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;

function isTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT';
}

/**
 * Turns transport failures into typed errors (networkFailures.ts: proxy and certificate failures
 * are their own) without echoing URLs or bodies.
 */
export function transportError(error: unknown): PacebarError {
  if (error instanceof PacebarError) return error;
  if (isTimeout(error)) return new TimeoutError();
  const code = (error as { code?: unknown } | null)?.code;
  return connectionFailure(typeof code === 'string' ? code : '');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BadResponseError('invalid JSON');
  }
}

function fault(body: unknown): StravaFault {
  const parsed = stravaFaultSchema.safeParse(body);
  return parsed.success ? parsed.data : {};
}

/** Strava names a missing permission as e.g. field "activity:read_permission", code "missing". */
export function missingPermissions(body: unknown): string[] {
  const errors = fault(body).errors ?? [];
  return errors
    .filter((entry) => entry.code === 'missing' || entry.field?.endsWith('_permission'))
    .map((entry) => (entry.field ?? 'unknown').replace(/_permission$/, ''));
}

/** Maps an API status to a typed error (429 is handled by the caller, which knows the budget). */
export function errorForStatus(status: number, body: unknown): PacebarError {
  if (status === 401) return new UnauthorizedError();
  if (status === 403) {
    if (isInactive(body)) return new AppInactiveError();
    const missing = missingPermissions(body);
    return missing.length > 0 ? new MissingScopeError(missing) : new ForbiddenError();
  }
  if (status === 404) return new NotFoundError('such record');
  if (status >= 500) return new ServerError(status);
  return new BadResponseError(`HTTP ${status}`);
}

/** GET is retried on these statuses and transport failures, never on a timeout or a 429. */
const RETRY_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504]);
const RETRY_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ENOTFOUND', 'ENETDOWN', 'ENETUNREACH', 'EHOSTDOWN', 'EHOSTUNREACH', 'EPIPE', 'UND_ERR_SOCKET',
]);

/** Backoff before retry `attempt` (1-based): Retry-After when the server sends one, capped; else exponential. */
export function retryDelayMs(retry: HttpRetry, attempt: number, retryAfter: string | string[] | undefined): number {
  const seconds = typeof retryAfter === 'string' ? Number(retryAfter) : Number.NaN;
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, retry.maxTimeoutMs);
  return Math.min(retry.minTimeoutMs * 2 ** (attempt - 1), retry.maxTimeoutMs);
}

class TimedOut extends Error {
  readonly code = 'UND_ERR_HEADERS_TIMEOUT';
}

/** Typed errors from a dropped or refused connection, which a GET may retry. */
const retryable = new WeakSet<PacebarError>();

interface Exchange {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * Makes the transport on the first request. Always given by createEngine (core/engine/createEngine.ts):
 * undici with the environment's proxy settings in the CLI, Electron's net.fetch in the app.
 */
export type TransportFactory = (timeouts: HttpTimeouts) => HttpTransport;

export interface StravaHttpOptions extends HttpClientOptions {
  transport: TransportFactory;
}

export class StravaHttp {
  private transport: HttpTransport | null = null;
  /** Aborted by cancelAll(): every request in flight (and any wait tied to it) ends at once. */
  private lifetime = new AbortController();
  private readonly timeouts: HttpTimeouts;
  private readonly retry: HttpRetry;
  private readonly timers: Timers;

  constructor(private readonly options: StravaHttpOptions) {
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.timers = options.timers ?? systemTimers;
  }

  private connection(): HttpTransport {
    this.transport ??= this.options.transport(this.timeouts);
    return this.transport;
  }

  /** A back-off on the injected timers; ends early (rejects) when `signal` aborts. */
  private sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason ?? new Error('aborted'));
      const done = () => {
        this.timers.clearTimeout(timer);
        reject(signal.reason ?? new Error('aborted'));
      };
      const timer = this.timers.setTimeout(() => {
        signal.removeEventListener('abort', done);
        resolve();
      }, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /** GET an API resource with a bearer token; returns parsed JSON or throws a typed error. */
  async getJson(url: string, accessToken: string): Promise<unknown> {
    const blockedUntil = this.options.budget.blockedUntil();
    if (blockedUntil !== null) throw new RateLimitedError(blockedUntil);
    const release = this.options.budget.reserve();
    try {
      const response = await this.sendWithRetries(url, {
        method: 'GET',
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      });
      const budget = this.options.budget;
      const date = response.headers.date;
      if (typeof date === 'string') budget.noteServerDate(Date.parse(date));
      const snapshot = parseRateHeaders(response.headers, budget.serverNow());
      if (response.status === 429) {
        release();
        throw new RateLimitedError(budget.observeRejection(snapshot));
      }
      if (snapshot) budget.observe(snapshot);
      if (response.status >= 200 && response.status < 300) return parseJson(response.text);
      throw errorForStatus(response.status, safeJson(response.text));
    } finally {
      release();
    }
  }

  /**
   * POST a form to an OAuth endpoint. Never retried: a code is single-use and refresh rotates.
   * `signal` ends it early (the session's refresh, when its lock is lost); `headers` adds e.g.
   * oauth/revoke's Basic client authentication.
   */
  async postForm(url: string, form: Record<string, string>, signal?: AbortSignal, headers: Record<string, string> = {}): Promise<RawResponse> {
    const response = await this.send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
      body: new URLSearchParams(form).toString(),
      signal,
    });
    // Only a 200 must be JSON; a refusal (a 429 from a proxy, a 5xx page) is judged by its status.
    return { status: response.status, body: response.status === 200 ? parseJson(response.text) : safeJson(response.text), headers: response.headers };
  }

  async close(): Promise<void> {
    this.cancelAll();
    await this.transport?.close();
  }

  /** What cancelAll() aborts: requests made from now on, and work that waits on them. */
  get signal(): AbortSignal {
    return this.lifetime.signal;
  }

  /** Ends every request in flight now (a disconnect must not wait for a stuck one); later ones go as usual. */
  cancelAll(): void {
    this.lifetime.abort(new Error('cancelled'));
    this.lifetime = new AbortController();
  }

  /**
   * A GET, retried a bounded number of times on 5xx and dropped connections, with backoff, all
   * within totalMs: a retry whose back-off would end past the deadline is not made.
   */
  private async sendWithRetries(url: string, init: RequestInit): Promise<Exchange> {
    const deadline = new AbortController();
    const timer = this.timers.setTimeout(() => deadline.abort(new TimedOut()), this.timeouts.totalMs);
    // Wall time, not the engine clock (which tests may freeze or move by hours).
    const startedAt = Date.now();
    const signal = init.signal ? AbortSignal.any([init.signal, deadline.signal]) : deadline.signal;
    const timedOut = () => deadline.signal.aborted && !init.signal?.aborted;
    const fits = (delay: number) => Date.now() - startedAt + delay < this.timeouts.totalMs;
    try {
      for (let attempt = 1; ; attempt++) {
        const last = attempt > this.retry.maxRetries;
        try {
          const response = await this.send(url, { ...init, signal });
          const delay = retryDelayMs(this.retry, attempt, response.headers['retry-after']);
          if (last || !RETRY_STATUSES.has(response.status) || !fits(delay)) return response;
          await this.sleep(delay, signal);
        } catch (error) {
          if (timedOut()) throw new TimeoutError();
          const delay = retryDelayMs(this.retry, attempt, undefined);
          if (last || !(error instanceof PacebarError) || !retryable.has(error) || !fits(delay)) throw error;
          await this.sleep(delay, signal).catch(() => {
            throw timedOut() ? new TimeoutError() : error;
          });
        }
      }
    } finally {
      this.timers.clearTimeout(timer);
    }
  }

  /**
   * One exchange through the transport, with the engine's limits: headers within headersMs, no
   * body chunk more than bodyMs after the last, the whole exchange within exchangeMs (a server
   * dripping a byte every few seconds never trips the gap timeout), at most MAX_BODY_BYTES.
   */
  private async send(url: string, init: RequestInit): Promise<Exchange> {
    const timeout = new AbortController();
    const signal = AbortSignal.any([init.signal, timeout.signal, this.lifetime.signal].filter((s): s is AbortSignal => s !== undefined));
    const timers = this.timers;
    let timer = timers.setTimeout(() => timeout.abort(new TimedOut()), this.timeouts.headersMs);
    let cancelBody = () => {};
    const overall = timers.setTimeout(() => {
      timeout.abort(new TimedOut());
      cancelBody();
    }, this.timeouts.exchangeMs);
    try {
      const response = await this.connection().send({ url, method: init.method, headers: { 'user-agent': 'Pacebar', ...init.headers }, body: init.body, signal });
      cancelBody = () => response.cancel();
      // Bounded whether or not the server sends a Content-Length (chunked bodies too).
      const chunks: Uint8Array[] = [];
      let size = 0;
      const rearm = () => {
        timers.clearTimeout(timer);
        timer = timers.setTimeout(() => {
          timeout.abort(new TimedOut());
          response.cancel();
        }, this.timeouts.bodyMs);
      };
      rearm();
      for await (const chunk of response.body) {
        size += chunk.byteLength;
        if (size > MAX_BODY_BYTES) {
          response.cancel();
          throw new BadResponseError('response too large');
        }
        chunks.push(chunk);
        rearm();
      }
      // A cancelled body may simply end (a web stream's reader.cancel()): it was cut off, not complete.
      if (timeout.signal.aborted) throw new TimeoutError();
      const text = Buffer.concat(chunks).toString('utf8');
      return { status: response.status, headers: response.headers, text };
    } catch (error) {
      if (timeout.signal.aborted) throw new TimeoutError();
      const typed = transportError(error);
      const code = (error as { code?: unknown } | null)?.code;
      if (typeof code === 'string' && RETRY_CODES.has(code)) retryable.add(typed);
      throw typed;
    } finally {
      timers.clearTimeout(timer);
      timers.clearTimeout(overall);
    }
  }
}

interface RequestInit {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal | undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
