// The seam under StravaHttp: one HTTP exchange and nothing more. The engine's rules (timeouts,
// retries of GETs, the body limit, the rate budget) live in httpClient.ts and apply to whichever
// transport sends the bytes: undici in the CLI (undiciTransport.ts, honouring HTTPS_PROXY /
// HTTP_PROXY / NO_PROXY), Chromium's network stack in the app (Electron's net.fetch: the system's
// proxy, PAC file and trust store; main/adapters/netFetchTransport.ts).

export interface TransportRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Aborts the exchange (a timeout or the caller); the transport rejects. */
  signal: AbortSignal;
}

export interface TransportResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string | string[] | undefined>;
  body: AsyncIterable<Uint8Array>;
  /** Stops reading the body and frees the connection. */
  cancel(): void;
}

export interface HttpTransport {
  /**
   * Sends one request, never retried or redirected. Fails with an Error whose `code` names the
   * failure in Node's terms where one applies (ECONNREFUSED, ECONNRESET, ENOTFOUND, …).
   */
  send(request: TransportRequest): Promise<TransportResponse>;
  close(): Promise<void>;
}
