// How a sign-in attempt shows Strava's consent page and catches the redirect: in an app window,
// or in the system browser with a loopback listener. The engine runs both alike (engine.signIn)
// and is the one place a redirect is verified: a runner only reports the URLs it sees to `check`.
import type { RedirectOutcome } from './redirectMatcher';

/** How long an attempt waits for the person on Strava's page. */
export const SIGN_IN_TIMEOUT_MS = 5 * 60 * 1000;

/** What a verified redirect carries. */
export interface RedirectCode {
  code: string;
  scopes: string[];
}

/** The engine's verdict on a URL the runner saw: not our redirect, our redirect with a code, or a refusal. */
export type RedirectCheck = (url: string) => RedirectOutcome;

export interface PreparedConsent {
  /** The redirect_uri for this attempt (known only once e.g. the loopback port is bound). */
  redirectUri: string;
  /**
   * Shows the page for `authorizeUrl` and passes every candidate redirect to `check`; resolves
   * with the code of the first one `check` accepts, or rejects with a typed error
   * (ConnectCancelledError once `signal` aborts, even if it already has).
   */
  run(authorizeUrl: string, check: RedirectCheck, signal: AbortSignal): Promise<RedirectCode>;
  /** Frees the window or listener, whatever happened. */
  dispose(): void;
}

export interface ConsentRunner {
  prepare(): Promise<PreparedConsent>;
}
