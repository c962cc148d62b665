// Before `pacebar login` opens a browser and waits up to five minutes: is Strava's sign-in page
// there at all? One GET of the authorize page through the same transport the sign-in's token
// exchange uses (HTTPS_PROXY and NO_PROXY honoured). Any HTTP answer will do; no answer (host not
// found, connection refused, a proxy or certificate failure, nothing within the timeout) ends the
// login at once with one line and exit 5.
import { DEFAULT_TIMEOUTS, transportError } from '../core/api/httpClient';
import type { TransportFactory } from '../core/api/httpClient';
import { ConnectCancelledError, NetworkError, TimeoutError } from '../core/errors';
import { CliError, EXIT } from './exitCodes';

/** Long enough for a slow network, far short of the sign-in's five minutes. */
export const PROBE_TIMEOUT_MS = 10_000;

export async function probeSignInPage(options: { authorizeUrl: string; transport: TransportFactory; signal: AbortSignal; timeoutMs?: number }): Promise<void> {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  const transport = options.transport({ ...DEFAULT_TIMEOUTS, connectMs: timeoutMs });
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    const response = await transport.send({
      url: options.authorizeUrl,
      method: 'GET',
      headers: { accept: 'text/html' },
      signal: AbortSignal.any([deadline, options.signal]),
    });
    // Any answer will do. Leaving through the body's iterator ends it with its errors handled
    // (cancel() alone leaves undici's abort error unheard).
    for await (const chunk of response.body) {
      void chunk;
      break;
    }
  } catch (error) {
    if (options.signal.aborted) throw new ConnectCancelledError();
    const typed = deadline.aborted ? new TimeoutError() : transportError(error);
    const host = new URL(options.authorizeUrl).host;
    const again = 'then run pacebar login again.';
    // The proxy's and the certificate's own words say what to check; plain unreachability is said here.
    const line =
      typed instanceof NetworkError
        ? `Can't reach Strava at ${host} (${typed.detail}): check your connection, ${again}`
        : typed instanceof TimeoutError
          ? `Strava at ${host} did not answer within ${Math.round(timeoutMs / 1000)} s: check your connection, ${again}`
          : `${typed.message} Then run pacebar login again.`;
    throw new CliError(line, EXIT.unavailable);
  } finally {
    await transport.close().catch(() => {});
  }
}
