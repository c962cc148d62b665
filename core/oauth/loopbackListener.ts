// One-shot OAuth redirect listener on 127.0.0.1 for sign-in in the system browser (Google and
// Apple sign-in refuse embedded browsers). Ephemeral port, exact path, times out, answers the
// browser with a small page, then closes. Whether a request is the redirect, and whether it is
// valid, is the caller's `check` (the engine's verdict). Used by the app and by `pacebar login`.
// Any local process or web page can send a request here: one without this attempt's state (wrong,
// missing or repeated), or naming another Host (DNS rebinding), gets an error page and the wait
// goes on; only the answer carrying this attempt's state ends it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectCancelledError, ConnectTimeoutError } from '../errors';
import { SIGN_IN_TIMEOUT_MS, type RedirectCheck, type RedirectCode } from './consentRunner';

export const CALLBACK_PATH = '/callback';

export interface LoopbackOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface LoopbackListener {
  /** http://127.0.0.1:PORT/callback — register this as the redirect_uri of the attempt. */
  redirectUri: string;
  /** Resolves with the code once `check` accepts a request; rejects when it refuses one. */
  waitForRedirect(check: RedirectCheck): Promise<RedirectCode>;
  close(): void;
}

function page(title: string, message: string): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${escape(title)}</title><style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}h1{color:#fc4c02;font-size:1.4rem}@media(prefers-color-scheme:dark){body{background:#111;color:#eee}}</style></head><body><h1>${escape(title)}</h1><p>${escape(message)}</p></body></html>`;
}

function answer(response: ServerResponse, status: number, title: string, message: string): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    connection: 'close',
  });
  response.end(page(title, message));
}

export async function startLoopbackListener(options: LoopbackOptions = {}): Promise<LoopbackListener> {
  let onRequest: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) =>
    answer(response, 404, 'Not found', 'Nothing here.');
  const server = createServer((request, response) => onRequest(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const redirectUri = `http://127.0.0.1:${port}${CALLBACK_PATH}`;
  const close = () => {
    server.close();
    server.closeAllConnections();
  };

  const waitForRedirect = (check: RedirectCheck) =>
    new Promise<RedirectCode>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        outcome();
        // Let the answer page flush before the socket goes.
        setImmediate(close);
      };
      const timer = setTimeout(() => finish(() => reject(new ConnectTimeoutError())), options.timeoutMs ?? SIGN_IN_TIMEOUT_MS);
      const onAbort = () => finish(() => reject(new ConnectCancelledError()));
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });

      onRequest = (request, response) => {
        if (settled || request.method !== 'GET') return answer(response, 404, 'Not found', 'Nothing here.');
        // The browser following Strava's redirect names exactly this address; a page that rebound
        // its own host name to 127.0.0.1 names its own.
        if (request.headers.host !== `127.0.0.1:${port}`) return answer(response, 421, 'Wrong address', 'This address only answers as 127.0.0.1.');
        const outcome = check(`http://127.0.0.1:${port}${request.url ?? '/'}`);
        if (outcome.kind === 'not_redirect') return answer(response, 404, 'Not found', 'Nothing here.');
        // Not this attempt's answer (stray, forged or stale): refused, and the real one still awaited.
        if (outcome.kind === 'error' && outcome.error.problem === 'state_mismatch') {
          return answer(response, 400, 'Not this sign-in', outcome.error.message);
        }
        if (outcome.kind === 'error') {
          answer(response, 400, 'Pacebar is not connected', outcome.error.message);
          return finish(() => reject(outcome.error));
        }
        answer(response, 200, 'Pacebar is connecting to Strava', 'You can close this tab and return to Pacebar.');
        finish(() => resolve({ code: outcome.code, scopes: outcome.scopes }));
      };
    });

  return { redirectUri, waitForRedirect, close };
}
