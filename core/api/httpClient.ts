// HTTP to Strava on undici: timeouts, bounded retries of idempotent GETs (undici's RetryAgent),
// rate-limit headers fed to the budget, and every failure turned into a typed error.
import type { Dispatcher } from 'undici';
import {
  BadResponseError,
  ForbiddenError,
  MissingScopeError,
  NetworkError,
  NotFoundError,
  PacebarError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
} from '../errors';
import { stravaFaultSchema, type StravaFault } from '../strava/models';
import { parseRateHeaders, type RateBudget } from './rateBudget';

export interface HttpTimeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
}

export interface HttpRetry {
  maxRetries: number;
  minTimeoutMs: number;
  maxTimeoutMs: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = { connectMs: 10_000, headersMs: 15_000, bodyMs: 15_000 };
export const DEFAULT_RETRY: HttpRetry = { maxRetries: 2, minTimeoutMs: 500, maxTimeoutMs: 4_000 };

export interface HttpClientOptions {
  budget: RateBudget;
  clock: () => number;
  timeouts?: Partial<HttpTimeouts>;
  retry?: Partial<HttpRetry>;
}

export interface RawResponse {
  status: number;
  body: unknown;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;

function isTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT';
}

/** Turns undici/socket failures into NetworkError/TimeoutError without echoing URLs or bodies. */
export function transportError(error: unknown): PacebarError {
  if (error instanceof PacebarError) return error;
  if (isTimeout(error)) return new TimeoutError();
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    const friendly = new Map<string, string>(Object.entries({
      ECONNREFUSED: 'connection refused',
      ECONNRESET: 'connection reset',
      ENOTFOUND: 'host not found',
      EAI_AGAIN: 'DNS lookup failed',
      ENETUNREACH: 'network unreachable',
      EHOSTUNREACH: 'host unreachable',
      UND_ERR_SOCKET: 'connection dropped',
      UND_ERR_CLOSED: 'connection closed',
      UND_ERR_ABORTED: 'request aborted',
    }));
    // Unknown codes are named only when they look like error codes, never as free text.
    return new NetworkError(friendly.get(code) ?? (/^[A-Z_]{2,40}$/.test(code) ? code : 'connection failed'));
  }
  return new NetworkError('connection failed');
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
    const missing = missingPermissions(body);
    return missing.length > 0 ? new MissingScopeError(missing) : new ForbiddenError();
  }
  if (status === 404) return new NotFoundError('such record');
  if (status >= 500) return new ServerError(status);
  return new BadResponseError(`HTTP ${status}`);
}

interface Transport {
  request: typeof import('undici').request;
  /** Plain agent with timeouts: OAuth POSTs. */
  plain: Dispatcher;
  /** The same agent behind RetryAgent: idempotent API GETs. */
  retrying: Dispatcher;
}

/**
 * undici is loaded on the first request, not at start-up: `pacebar status --offline` and a tray
 * showing its cache never pay for it.
 */
async function createTransport(timeouts: HttpTimeouts, retry: HttpRetry): Promise<Transport> {
  const { Agent, RetryAgent, request } = await import('undici');
  const plain = new Agent({
    connect: { timeout: timeouts.connectMs },
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
  });
  // Only GETs are retried, only on transport errors and 5xx, a bounded number of times.
  // 429 is never retried: the budget decides when the next request may go.
  const retrying = new RetryAgent(plain, {
    maxRetries: retry.maxRetries,
    minTimeout: retry.minTimeoutMs,
    maxTimeout: retry.maxTimeoutMs,
    timeoutFactor: 2,
    methods: ['GET'],
    statusCodes: [500, 502, 503, 504],
    errorCodes: ['ECONNRESET', 'ECONNREFUSED', 'ENOTFOUND', 'ENETDOWN', 'ENETUNREACH', 'EHOSTDOWN', 'EHOSTUNREACH', 'EPIPE', 'UND_ERR_SOCKET'],
    throwOnError: false,
  });
  return { request, plain, retrying };
}

export class StravaHttp {
  private transport: Promise<Transport> | null = null;

  constructor(private readonly options: HttpClientOptions) {}

  private connection(): Promise<Transport> {
    this.transport ??= createTransport({ ...DEFAULT_TIMEOUTS, ...this.options.timeouts }, { ...DEFAULT_RETRY, ...this.options.retry });
    return this.transport;
  }

  /** GET an API resource with a bearer token; returns parsed JSON or throws a typed error. */
  async getJson(url: string, accessToken: string, signal?: AbortSignal): Promise<unknown> {
    const blockedUntil = this.options.budget.blockedUntil();
    if (blockedUntil !== null) throw new RateLimitedError(blockedUntil);
    const release = this.options.budget.reserve();
    try {
      const response = await this.send('retrying', url, {
        method: 'GET',
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
        signal,
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

  /** POST a form to an OAuth endpoint. Never retried: a code is single-use and refresh rotates. */
  async postForm(url: string, form: Record<string, string>, signal?: AbortSignal): Promise<RawResponse> {
    const response = await this.send('plain', url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      signal,
    });
    return { status: response.status, body: response.status >= 500 ? null : parseJson(response.text) };
  }

  async close(): Promise<void> {
    if (this.transport) await (await this.transport).retrying.close();
  }

  private async send(
    via: 'plain' | 'retrying',
    url: string,
    init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string; signal?: AbortSignal | undefined },
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
    try {
      const transport = await this.connection();
      const response = await transport.request(url, {
        dispatcher: transport[via],
        method: init.method,
        headers: { 'user-agent': 'Pacebar', ...init.headers },
        body: init.body,
        signal: init.signal,
      });
      // Bounded whether or not the server sends a Content-Length (chunked bodies too).
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY_BYTES) {
          response.body.destroy();
          throw new BadResponseError('response too large');
        }
        chunks.push(chunk as Buffer);
      }
      const text = Buffer.concat(chunks).toString('utf8');
      return { status: response.statusCode, headers: response.headers, text };
    } catch (error) {
      throw transportError(error);
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
