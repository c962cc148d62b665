// Sign-in in the system browser (for Google / Apple / Facebook log-ins, which refuse embedded
// windows): a one-shot loopback listener on 127.0.0.1 receives the redirect. The app opens the
// page with shell.openExternal, `pacebar login` with $BROWSER or the platform's opener.
// The authorize URL is handed to the opener only after isSafeExternalUrl accepts it.
import { ConnectTimeoutError, InvalidInputError } from '../errors';
import { isSafeExternalUrl } from '../security/externalUrl';
import { SIGN_IN_TIMEOUT_MS, type ConsentRunner, type PreparedConsent, type RedirectCheck, type RedirectCode } from './consentRunner';
import { startLoopbackListener } from './loopbackListener';

export interface BrowserConsentOptions {
  /** Strava's base URL: the authorize URL must be on its origin. */
  stravaBaseUrl: string;
  /** Opens the page in the person's browser; rejects when no browser could be started. */
  openExternal: (url: string) => Promise<void>;
  timeoutMs?: number;
}

export function browserConsentRunner(options: BrowserConsentOptions): ConsentRunner {
  const stravaOrigin = new URL(options.stravaBaseUrl).origin;
  return {
    async prepare(): Promise<PreparedConsent> {
      // The listener needs its abort signal now; the attempt's signal only arrives with run().
      const local = new AbortController();
      const listener = await startLoopbackListener({ timeoutMs: options.timeoutMs ?? SIGN_IN_TIMEOUT_MS, signal: local.signal });
      return {
        redirectUri: listener.redirectUri,
        async run(authorizeUrl: string, check: RedirectCheck, signal: AbortSignal): Promise<RedirectCode> {
          if (!isSafeExternalUrl(authorizeUrl, [stravaOrigin])) {
            throw new InvalidInputError('Pacebar refused to open an unexpected sign-in address.');
          }
          const forward = () => local.abort();
          if (signal.aborted) local.abort();
          else signal.addEventListener('abort', forward, { once: true });
          // Listen first, then open the browser: a fast redirect cannot arrive before we wait for it.
          const code = listener.waitForRedirect(check);
          // The answer may come while the opener is still busy: awaited below, never unhandled meanwhile.
          code.catch(() => {});
          try {
            try {
              await options.openExternal(authorizeUrl);
            } catch {
              local.abort();
              await code.catch(() => {});
              throw new InvalidInputError('Pacebar could not open your browser. Try signing in with the Pacebar window instead.');
            }
            return await code;
          } catch (error) {
            // Over the athlete limit Strava's page is a 403 that never redirects: only a timeout comes.
            if (error instanceof ConnectTimeoutError) throw new ConnectTimeoutError(true);
            throw error;
          } finally {
            signal.removeEventListener('abort', forward);
          }
        },
        dispose() {
          local.abort();
          listener.close();
        },
      };
    },
  };
}
