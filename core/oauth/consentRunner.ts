// How a sign-in attempt shows Strava's consent page and catches the redirect: in an app window,
// or in the system browser with a loopback listener. The controller treats both alike.
import type { RedirectCode } from './loopbackListener';

export interface PreparedConsent {
  /** The redirect_uri for this attempt (known only once e.g. the loopback port is bound). */
  redirectUri: string;
  /** Shows the page for `authorizeUrl`; resolves with the code, or rejects with a typed error. */
  run(authorizeUrl: string, state: string, signal: AbortSignal): Promise<RedirectCode>;
  /** Frees the window or listener, whatever happened. */
  dispose(): void;
}

export interface ConsentRunner {
  prepare(): Promise<PreparedConsent>;
}
