// The engine's HTTP in the app: Electron's net.fetch, i.e. Chromium's network stack, which uses
// the system's proxy settings and PAC file and the OS trust store (a TLS-inspecting company CA
// included), exactly as the consent window does (docs/api/net.md: "uses Chromium's native
// networking library ... proxy support"). The `nodeOptions` fuse turns NODE_EXTRA_CA_CERTS off,
// so undici could not learn that CA. Timeouts, retries, the body limit and the rate budget stay in
// core (core/api/httpClient.ts) and apply here too.
import type { HttpTransport, TransportResponse } from '../../core/api/transport';

/** Electron's net.fetch: a WHATWG fetch (Node's RequestInit type lacks `cache`, which net.fetch reads). */
export type NetFetch = (input: string, init: RequestInit & { cache?: 'no-store'; bypassCustomProtocolHandlers?: boolean }) => Promise<Response>;

/** Chromium's net:: errors in Node's words, so core names and retries them as for undici. */
const NET_ERRORS: Readonly<Record<string, string>> = {
  ERR_CONNECTION_REFUSED: 'ECONNREFUSED',
  ERR_CONNECTION_RESET: 'ECONNRESET',
  ERR_CONNECTION_CLOSED: 'UND_ERR_SOCKET',
  ERR_EMPTY_RESPONSE: 'UND_ERR_SOCKET',
  ERR_NAME_NOT_RESOLVED: 'ENOTFOUND',
  ERR_INTERNET_DISCONNECTED: 'ENETUNREACH',
  ERR_NETWORK_CHANGED: 'ECONNRESET',
  ERR_ADDRESS_UNREACHABLE: 'EHOSTUNREACH',
  ERR_CONNECTION_TIMED_OUT: 'UND_ERR_CONNECT_TIMEOUT',
  ERR_TIMED_OUT: 'UND_ERR_CONNECT_TIMEOUT',
};

/** Chromium's `net::ERR_…` rejection → an Error whose code core knows (or the ERR_ name itself, e.g. ERR_CERT_AUTHORITY_INVALID). */
export function netError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const name = /net::(ERR_[A-Z_]+)/.exec(message)?.[1];
  const code = name ? (NET_ERRORS[name] ?? name) : undefined;
  return Object.assign(new Error(code ?? 'fetch failed'), code ? { code } : {});
}

function headerRecord(headers: Headers): TransportResponse['headers'] {
  const record: TransportResponse['headers'] = {};
  headers.forEach((value, name) => {
    record[name.toLowerCase()] = value;
  });
  return record;
}

/**
 * The body as chunks, and the one way to stop it. The reader holds the stream's lock from the
 * start, so a cancel goes through it (a locked stream's own cancel() only rejects). Stopping also
 * aborts the request's signal: Electron's net.fetch then aborts the Chromium request itself
 * (lib/browser/api/net-fetch.ts: the signal's abort listener calls ClientRequest.abort()).
 */
function bodyOf(body: ReadableStream<Uint8Array> | null, abort: AbortController): Pick<TransportResponse, 'body' | 'cancel'> {
  const reader = body?.getReader() ?? null;
  let finished = false;
  const cancel = () => {
    if (finished) return;
    finished = true;
    abort.abort();
    reader?.cancel().catch(() => {});
  };
  async function* chunks(): AsyncIterable<Uint8Array> {
    if (!reader) return;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          finished = true;
          return;
        }
        yield value;
      }
    } finally {
      // Left before the end (body limit, a timeout, an error): nothing may stay open.
      cancel();
    }
  }
  return { body: chunks(), cancel };
}

export function netFetchTransport(fetch: NetFetch): HttpTransport {
  return {
    async send(request) {
      const abort = new AbortController();
      let response: Response;
      try {
        response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: AbortSignal.any([request.signal, abort.signal]),
          // The engine asks Strava's API only: no cookies; a redirect is an error (undici follows none either).
          credentials: 'omit',
          redirect: 'error',
          // Nothing into <userData>/Cache, and no revalidation the rate budget never sees: every
          // request is one Strava counts (net-fetch.ts passes `cache` to ClientRequest, client-request.md).
          cache: 'no-store',
          bypassCustomProtocolHandlers: true,
        });
      } catch (error) {
        if (request.signal.aborted) throw error;
        throw netError(error);
      }
      return { status: response.status, headers: headerRecord(response.headers), ...bodyOf(response.body, abort) };
    },
    async close() {},
  };
}
