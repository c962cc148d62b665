// Typed errors the UI and the CLI can explain. Every message is one line that says what to do,
// and never contains a token, refresh token or client secret.

export type PacebarErrorCode =
  | 'network'
  | 'proxy'
  | 'certificate'
  | 'timeout'
  | 'server'
  | 'bad_response'
  | 'unauthorized'
  | 'missing_scope'
  | 'rate_limited'
  | 'not_found'
  | 'forbidden'
  | 'invalid_client'
  | 'invalid_code'
  | 'reconnect_needed'
  | 'not_connected'
  | 'no_credentials'
  | 'keychain_unavailable'
  | 'redirect'
  | 'connect_cancelled'
  | 'connect_timeout'
  | 'browser_sign_in_needed'
  | 'app_inactive'
  | 'athlete_limit'
  | 'invalid_input'
  | 'config_folder'
  | 'token_refused';

/** A Standard Tier application takes up to 10 connected athletes (Strava's developer program, June 2026). */
export const STANDARD_TIER_ATHLETE_LIMIT = 10;

export class PacebarError extends Error {
  constructor(
    readonly code: PacebarErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NetworkError extends PacebarError {
  /** detail: what failed, in a few fixed words ("connection refused", "host not found"). */
  constructor(readonly detail: string) {
    super('network', `Can't reach Strava (${detail}). Check your connection; Pacebar will try again.`);
  }
}

/**
 * The proxy between Pacebar and Strava failed (unreachable, refused the tunnel, wants a login, or
 * the PAC file did not load). Not "offline": the connection is there, its settings are not right.
 */
export class ProxyError extends PacebarError {
  constructor(readonly detail: string) {
    super('proxy', `Pacebar could not get through the proxy (${detail}). Check the system's proxy settings (HTTPS_PROXY for the pacebar command).`);
  }
}

/**
 * Strava's certificate was not trusted: typically a company proxy that inspects HTTPS with a CA
 * of its own. Not "offline" either: that CA must be trusted.
 */
export class CertificateError extends PacebarError {
  constructor(readonly detail: string) {
    super('certificate', `Pacebar could not verify Strava's certificate (${detail}). If your network inspects HTTPS, add its CA to the system's trusted certificates (NODE_EXTRA_CA_CERTS for the pacebar command).`);
  }
}

export class TimeoutError extends PacebarError {
  constructor() {
    super('timeout', 'Strava did not answer in time. Pacebar will try again later.');
  }
}

export class ServerError extends PacebarError {
  constructor(readonly status: number) {
    super('server', `Strava had a problem (HTTP ${status}). Pacebar will try again later.`);
  }
}

export class BadResponseError extends PacebarError {
  constructor(detail: string) {
    super('bad_response', `Strava sent a response Pacebar could not read (${detail}).`);
  }
}

export class UnauthorizedError extends PacebarError {
  constructor() {
    super('unauthorized', 'Strava did not accept the access token.');
  }
}

export class MissingScopeError extends PacebarError {
  constructor(readonly missing: readonly string[]) {
    super('missing_scope', `Strava access is missing the ${missing.join(', ')} permission. Reconnect and tick every box on Strava's page.`);
  }
}

export class RateLimitedError extends PacebarError {
  /** resetAt: epoch ms when the spent window resets. */
  constructor(readonly resetAt: number) {
    // No time in the words: each surface says when, in the user's time zone (resetAt).
    super('rate_limited', "Strava's rate limit is reached; Pacebar will try again once it resets.");
  }
}

export class NotFoundError extends PacebarError {
  constructor(what: string) {
    super('not_found', `Strava has no ${what}.`);
  }
}

export class ForbiddenError extends PacebarError {
  constructor() {
    super('forbidden', 'Strava refused access to that data for this account.');
  }
}

export class InvalidClientError extends PacebarError {
  constructor() {
    super('invalid_client', 'Strava rejected the Client ID or Client Secret. Check them at https://www.strava.com/settings/api and enter them again.');
  }
}

export class InvalidCodeError extends PacebarError {
  constructor() {
    super('invalid_code', 'Strava rejected the sign-in code (it expired or was already used). Connect again.');
  }
}

export class ReconnectNeededError extends PacebarError {
  constructor(message = 'Strava access was revoked or expired. Connect to Strava again.') {
    super('reconnect_needed', message);
  }
}

/** The keychain's token record does not decode: not a verdict of Strava's, so not called "revoked". */
export class TokensUnreadableError extends ReconnectNeededError {
  constructor() {
    super('The Strava sign-in saved in the keychain is unreadable (a damaged record). Connect to Strava again.');
  }
}

export class NotConnectedError extends PacebarError {
  constructor() {
    super('not_connected', 'Not connected to Strava yet. Connect Strava first.');
  }
}

export class NoCredentialsError extends PacebarError {
  constructor() {
    super('no_credentials', 'No Strava API application set up yet. Enter its Client ID and Client Secret (from https://www.strava.com/settings/api).');
  }
}

/**
 * Why the keychain cannot be used, as far as its error tells: no keyring service at all (no D-Bus
 * session, no Secret Service provider), a locked keyring, a refusal, a native module that does
 * not load, or anything else. Each has its own advice: "start a keyring" is not "unlock it".
 */
export type KeychainProblem = 'no_service' | 'locked' | 'denied' | 'module_missing' | 'failed';

/** What to do, in one sentence: the tray, the dashboard and the CLI all show this one. */
export function keychainAdvice(problem: KeychainProblem, platform: NodeJS.Platform): string {
  const store = platform === 'darwin' ? 'login keychain' : platform === 'win32' ? 'Windows Credential Manager' : 'keyring';
  switch (problem) {
    case 'no_service':
      return 'No keyring service is running: install and start GNOME Keyring or KWallet (see README › Linux desktops), then try again.';
    case 'locked':
      return platform === 'darwin'
        ? 'Your login keychain is locked: unlock it in Keychain Access, then try again.'
        : platform === 'win32'
          ? 'Windows Credential Manager is locked: sign in to Windows again, then try again.'
          : 'Your keyring is locked: unlock it (log in again, or open Passwords and Keys), then try again.';
    case 'denied':
      return `Pacebar was refused access to your ${store}: allow it when your system asks, then try again.`;
    case 'module_missing':
      return 'Pacebar\'s keychain module could not be loaded: reinstall Pacebar (for the pacebar command: npm ci).';
    case 'failed':
      return platform === 'linux'
        ? 'Your keyring reported an error: check that GNOME Keyring or KWallet is running and unlocked, then try again.'
        : `Your ${store} reported an error: check that it works for your account, then try again.`;
  }
}

export class KeychainUnavailableError extends PacebarError {
  constructor(
    readonly problem: KeychainProblem,
    platform: NodeJS.Platform = process.platform,
  ) {
    super('keychain_unavailable', keychainAdvice(problem, platform));
  }
}

/** The settings and cache folder cannot be created, read or written. */
export class ConfigFolderError extends PacebarError {
  /** reason: a file-system code (ENOSPC, EROFS…), said in words where it has a common name. */
  constructor(
    readonly folder: string,
    readonly reason?: string,
  ) {
    const said = reason ? (FOLDER_PROBLEMS[reason] ? `${FOLDER_PROBLEMS[reason]}, ${reason}` : reason) : '';
    super('config_folder', `Cannot use the settings folder ${folder}${said ? ` (${said})` : ''}. Check PACEBAR_CONFIG_DIR and its permissions.`);
  }
}

const FOLDER_PROBLEMS: Record<string, string> = {
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a file is in the way',
};

/**
 * The token endpoint refused a request for a reason other than a dead refresh token (a 4xx such as
 * a generic bad_request): the tokens are kept, and the next refresh tries again.
 */
export class TokenRequestError extends PacebarError {
  constructor(readonly status: number) {
    super('token_refused', `Strava refused to renew the sign-in (HTTP ${status}). Pacebar keeps it and will try again later.`);
  }
}

export type RedirectProblem = 'access_denied' | 'state_mismatch' | 'missing_code' | 'strava_error';

const redirectMessages: Record<RedirectProblem, string> = {
  access_denied: 'You cancelled on Strava\'s page, so Pacebar is not connected. Connect again when you are ready.',
  state_mismatch: 'The sign-in answer did not match this attempt (it may be stale or forged). Connect again.',
  missing_code: 'Strava\'s answer had no sign-in code. Connect again.',
  strava_error: 'Strava reported an error while signing in. Connect again.',
};

export class RedirectError extends PacebarError {
  constructor(readonly problem: RedirectProblem) {
    super('redirect', redirectMessages[problem]);
  }
}

export class ConnectCancelledError extends PacebarError {
  constructor() {
    super('connect_cancelled', 'Sign-in was cancelled before Strava answered. Connect again when you are ready.');
  }
}

export class ConnectTimeoutError extends PacebarError {
  /**
   * inBrowser: the page was in the person's browser, where Pacebar cannot see Strava's 403 over the
   * athlete limit (that page never redirects), so the message names it.
   */
  constructor(readonly inBrowser = false) {
    super(
      'connect_timeout',
      inBrowser
        ? `Sign-in timed out waiting for Strava. If Strava's page said "Error 403: Limit of connected athletes exceeded", the API application already has its ${STANDARD_TIER_ATHLETE_LIMIT} connected athletes: a connected athlete can remove it at https://www.strava.com/settings/apps, or use your own API application. Otherwise, connect again.`
        : 'Sign-in timed out waiting for Strava. Connect again.',
    );
  }
}

/**
 * Strava's page in the Pacebar window asked for a Google, Apple or Facebook sign-in, which refuse
 * embedded browsers: the attempt ends so the controller can continue in the system browser.
 */
export class BrowserSignInNeededError extends PacebarError {
  constructor(readonly provider: string) {
    super('browser_sign_in_needed', `Signing in with ${provider} does not work in a Pacebar window, so Pacebar continues in your browser.`);
  }
}

/** The settings page where an application is reactivated (and its connected athletes seen). */
export const STRAVA_API_SETTINGS_URL = 'https://www.strava.com/settings/api';

/**
 * Strava's developer program (June 2026): a Standard Tier application works only while the account
 * that owns it has a paid subscription; otherwise every call answers 403 "Application Status
 * Inactive". Nothing is wrong with the sign-in: tokens and cache are kept.
 */
export class AppInactiveError extends PacebarError {
  constructor() {
    super(
      'app_inactive',
      `Strava has made your API application inactive: it works only while the Strava account that owns it has a subscription. Subscribe with that account, then reactivate the application at ${STRAVA_API_SETTINGS_URL}.`,
    );
  }
}

/**
 * Strava's authorize page answered "Error 403: Limit of connected athletes exceeded" instead of the
 * consent form: the application has its Standard Tier maximum of athletes connected.
 */
export class AthleteLimitError extends PacebarError {
  constructor() {
    super(
      'athlete_limit',
      `Strava refused the sign-in: this API application already has its limit of ${STANDARD_TIER_ATHLETE_LIMIT} connected athletes (Standard Tier). A connected athlete can remove it at https://www.strava.com/settings/apps, or create your own API application at ${STRAVA_API_SETTINGS_URL}: each person can use their own.`,
    );
  }
}

export class InvalidInputError extends PacebarError {
  constructor(message: string) {
    super('invalid_input', message);
  }
}

/** A one-line, secret-free description of any error, for UI and logs. */
export function describeError(error: unknown): string {
  if (error instanceof PacebarError) return error.message;
  return 'Something unexpected went wrong. Try again; if it keeps happening, restart Pacebar.';
}
