// The engine's HTTP in the app: Electron's net.fetch, i.e. Chromium's network stack, which uses
// the system's proxy settings and PAC file and the OS trust store (a TLS-inspecting company CA
// included), exactly as the consent window does (docs/api/net.md: "uses Chromium's native
// networking library ... proxy support"). The `nodeOptions` fuse turns NODE_EXTRA_CA_CERTS off,
// so undici could not learn that CA. Timeouts, retries, the body limit and the rate budget stay in
// core (core/api/httpClient.ts) and apply here too.
import type { HttpTransport, TransportResponse } from '../../core/api/transport';

export type NetFetch = (input: string, init: RequestInit & { bypassCustomProtocolHandlers?: boolean }) => Promise<Response>;

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

async function* chunks(body: ReadableStream<Uint8Array> | null): AsyncIterable<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

export function netFetchTransport(fetch: NetFetch): HttpTransport {
  return {
    async send(request) {
      let response: Response;
      try {
        response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: request.signal,
          // The engine asks Strava's API only: no cookies; a redirect is an error (undici follows none either).
          credentials: 'omit',
          redirect: 'error',
          bypassCustomProtocolHandlers: true,
        });
      } catch (error) {
        if (request.signal.aborted) throw error;
        throw netError(error);
      }
      const body = response.body;
      return {
        status: response.status,
        headers: headerRecord(response.headers),
        body: chunks(body),
        cancel: () => void body?.cancel().catch(() => {}),
      };
    },
    async close() {},
  };
}
