// Sign-in in a Pacebar window: Strava's consent page in a sandboxed BrowserWindow on its own
// session, and the OAuth redirect caught as a navigation, so nothing needs to listen on a port.
//
// The redirect_uri is http://127.0.0.1/pacebar/callback: Strava accepts any port and path on the
// registered "Authorization Callback Domain" (127.0.0.1). The redirect is caught by whichever of
// will-redirect (Strava's 302), will-navigate (a page-initiated navigation) or
// webRequest.onBeforeRequest (anything else) sees it first; it is never loaded. The URL is parsed
// by the engine's check (exact address, this attempt's state), as for the loopback listener.
//
// "Sign in with your browser instead": this window is sandboxed with no preload, so it cannot host
// our own button or talk to main. The dashboard shows that button while connecting (the renderer
// calls connect('browser'), which cancels this attempt and closes the window).
import { BrowserWindow, nativeTheme, session, shell, type Session } from 'electron';
import { ConnectCancelledError, InvalidInputError } from '../../core/errors';
import {
  SIGN_IN_TIMEOUT_MS,
  type ConsentRunner,
  type PreparedConsent,
  type RedirectCheck,
  type RedirectCode,
} from '../../core/oauth/consentRunner';
import { ANY_HTTPS, isSafeExternalUrl } from '../../core/security/externalUrl';
import { denyAllPermissions } from '../security/webContentsGuards';
import { LOCKED_DOWN_WEB_PREFERENCES } from '../security/webPreferences';
import { ConsentAttempt } from './consentAttempt';

export { ERR_ABORTED } from './consentAttempt';

export const CONSENT_PARTITION = 'pacebar-consent';
export const WINDOW_REDIRECT_URI = 'http://127.0.0.1/pacebar/callback';
/** webRequest match pattern for the redirect (query string included). */
export const REDIRECT_URL_PATTERN = 'http://127.0.0.1/pacebar/callback*';

export interface ConsentWindowOptions {
  /** Strava's base URL (STRAVA_BASE_URL or https://www.strava.com): the only origin the window may show. */
  stravaBaseUrl: string;
  timeoutMs?: number;
  /** macOS agent apps (no Dock icon) must ask to come to the front when the window shows. */
  bringAppToFront?: () => void;
}

/** The window runner, plus what quitting needs: the window gone at once, whatever its page says. */
export interface ConsentWindowRunner extends ConsentRunner {
  destroyWindow(): void;
}

/** Strava's origin; for the real Strava also strava.com and its https subdomains (login pages). */
export function consentNavigationPolicy(stravaBaseUrl: string): (url: string) => boolean {
  const base = new URL(stravaBaseUrl);
  const realStrava = base.protocol === 'https:' && (base.hostname === 'strava.com' || base.hostname.endsWith('.strava.com'));
  return (raw) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return false;
    }
    if (url.username !== '' || url.password !== '') return false;
    if (url.origin === base.origin) return true;
    return realStrava && url.protocol === 'https:' && (url.hostname === 'strava.com' || url.hostname.endsWith('.strava.com'));
  };
}

export function consentSession(): Session {
  return session.fromPartition(CONSENT_PARTITION);
}

/**
 * Not an owned window (no `parent`): Win32 destroys owned windows with their owner, so closing the
 * dashboard would end the sign-in. It is centred and focused instead.
 */
export function consentWindowOptions(dark: boolean): Electron.BrowserWindowConstructorOptions {
  return {
    width: 520,
    height: 760,
    center: true,
    title: 'Connect Pacebar to Strava',
    show: false,
    autoHideMenuBar: true,
    backgroundColor: dark ? '#111113' : '#ffffff',
    webPreferences: {
      ...LOCKED_DOWN_WEB_PREFERENCES,
      partition: CONSENT_PARTITION,
      // No preload: Strava's page gets no bridge to Pacebar at all.
    },
  };
}

export function consentWindowRunner(options: ConsentWindowOptions): ConsentWindowRunner {
  const allowed = consentNavigationPolicy(options.stravaBaseUrl);
  const stravaOrigin = new URL(options.stravaBaseUrl).origin;
  const timeoutMs = options.timeoutMs ?? SIGN_IN_TIMEOUT_MS;
  // The consent session (and its one webRequest hook) is shared by this runner's attempts:
  // only the newest attempt may clear it.
  let sessionOwner: ConsentAttempt | null = null;
  let openWindow: BrowserWindow | null = null;

  const releaseSession = (ses: Session, attempt: ConsentAttempt) => {
    if (sessionOwner !== attempt) return;
    sessionOwner = null;
    ses.webRequest.onBeforeRequest({ urls: [REDIRECT_URL_PATTERN] }, null);
    // Strava's login cookies die with the attempt: the next sign-in starts clean.
    void ses.clearStorageData().catch(() => {});
    void ses.clearCache().catch(() => {});
  };

  return {
    destroyWindow() {
      // destroy(), not close(): Strava's beforeunload must not cancel a quit (docs/api/browser-window.md).
      if (openWindow && !openWindow.isDestroyed()) openWindow.destroy();
      openWindow = null;
    },
    async prepare(): Promise<PreparedConsent> {
      const ses = consentSession();
      denyAllPermissions(ses);
      let attempt: ConsentAttempt | null = null;
      return {
        redirectUri: WINDOW_REDIRECT_URI,
        run(authorizeUrl: string, check: RedirectCheck, signal: AbortSignal): Promise<RedirectCode> {
          if (!allowed(authorizeUrl) || !isSafeExternalUrl(authorizeUrl, [stravaOrigin])) {
            return Promise.reject(new InvalidInputError('Pacebar refused to show an unexpected sign-in address.'));
          }
          if (signal.aborted) return Promise.reject(new ConnectCancelledError());
          // Electronegativity reads only literal options: these come from consentWindowOptions() above
          // (own partition, contextIsolation, sandbox, no Node, no preload, Auxclick off), asserted in
          // test/main/windows/consentWindow.test.ts; hence the eng-disable on this line.
          const window = new BrowserWindow(consentWindowOptions(nativeTheme.shouldUseDarkColors)); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK NODE_INTEGRATION_JS_CHECK
          openWindow = window;
          const current: ConsentAttempt = new ConsentAttempt({
            window,
            session: ses,
            redirectPattern: REDIRECT_URL_PATTERN,
            check,
            allowed,
            timeoutMs,
            signal,
            openLink: ({ url }) => {
              // A link to Strava's help or terms goes to the system browser; never a new app window.
              if (isSafeExternalUrl(url, ANY_HTTPS)) void shell.openExternal(url).catch(() => {});
            },
            stravaOrigin,
            onEnded: () => releaseSession(ses, current),
            onShown: () => options.bringAppToFront?.(),
          });
          attempt = current;
          sessionOwner = current;
          current.start(authorizeUrl);
          return current.result;
        },
        dispose() {
          // A run still waiting ends as cancelled (its teardown destroys the window and frees the session).
          attempt?.cancel();
          attempt = null;
        },
      };
    },
  };
}
