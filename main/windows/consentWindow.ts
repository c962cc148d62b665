// Sign-in in a Pacebar window: Strava's consent page in a sandboxed BrowserWindow on its own
// session, and the OAuth redirect caught as a navigation, so nothing needs to listen on a port.
//
// The redirect_uri is http://127.0.0.1/pacebar/callback: Strava accepts any port and path on the
// registered "Authorization Callback Domain" (127.0.0.1). The redirect is caught by whichever of
// will-redirect (Strava's 302), will-navigate (a page-initiated navigation) or
// webRequest.onBeforeRequest (anything else) sees it first; it is never loaded. The URL is parsed
// by core's matchRedirect, as the loopback listener does, so both flows check state alike.
//
// "Sign in with your browser instead": this window is sandboxed with no preload, so it cannot host
// our own button or talk to main. The dashboard shows that button while connecting (the renderer
// calls connect('browser'), which cancels this attempt and closes the window).
import { BrowserWindow, nativeTheme, session, shell, type Session, type WebContents } from 'electron';
import type { ConsentRunner, PreparedConsent } from '../../core/oauth/consentRunner';
import { ConnectCancelledError, ConnectTimeoutError, InvalidInputError, NetworkError } from '../../core/errors';
import { DEFAULT_LOGIN_TIMEOUT_MS, type RedirectCode } from '../../core/oauth/loopbackListener';
import { matchRedirect } from '../../core/oauth/redirectMatcher';
import { ANY_HTTPS, isSafeExternalUrl } from '../../core/security/externalUrl';
import { denyAllPermissions, setNavigationPolicy } from '../security/webContentsGuards';
import { LOCKED_DOWN_WEB_PREFERENCES } from '../security/webPreferences';

export const CONSENT_PARTITION = 'pacebar-consent';
export const WINDOW_REDIRECT_URI = 'http://127.0.0.1/pacebar/callback';
/** webRequest match pattern for the redirect (query string included). */
export const REDIRECT_URL_PATTERN = 'http://127.0.0.1/pacebar/callback*';
/** Chromium's net::ERR_ABORTED: what our own preventDefault on a navigation produces. */
export const ERR_ABORTED = -3;

export interface ConsentWindowOptions {
  /** Strava's base URL (STRAVA_BASE_URL or https://www.strava.com): the only origin the window may show. */
  stravaBaseUrl: string;
  timeoutMs?: number;
  /** The dashboard, as parent, so the consent window opens over it. */
  parent?: () => BrowserWindow | null;
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

export function consentWindowOptions(parent: BrowserWindow | null, dark: boolean): Electron.BrowserWindowConstructorOptions {
  return {
    width: 520,
    height: 760,
    title: 'Connect Pacebar to Strava',
    show: false,
    autoHideMenuBar: true,
    backgroundColor: dark ? '#111113' : '#ffffff',
    ...(parent ? { parent } : {}),
    webPreferences: {
      ...LOCKED_DOWN_WEB_PREFERENCES,
      partition: CONSENT_PARTITION,
      // No preload: Strava's page gets no bridge to Pacebar at all.
    },
  };
}

/** Which attempt currently owns the shared consent session's webRequest hook. */
let sessionOwner: symbol | null = null;

export function consentWindowRunner(options: ConsentWindowOptions): ConsentRunner {
  const allowed = consentNavigationPolicy(options.stravaBaseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOGIN_TIMEOUT_MS;

  return {
    async prepare(): Promise<PreparedConsent> {
      const owner = Symbol('consent-attempt');
      const ses = consentSession();
      denyAllPermissions(ses);
      let window: BrowserWindow | null = null;
      let cleanup: (() => void) | null = null;
      let cancelRun: (() => void) | null = null;

      const releaseSession = () => {
        if (sessionOwner !== owner) return;
        sessionOwner = null;
        ses.webRequest.onBeforeRequest({ urls: [REDIRECT_URL_PATTERN] }, null);
        // Strava's login cookies die with the attempt: the next sign-in starts clean.
        void ses.clearStorageData().catch(() => {});
        void ses.clearCache().catch(() => {});
      };

      const run = (authorizeUrl: string, state: string, signal: AbortSignal) =>
        new Promise<RedirectCode>((resolve, reject) => {
          if (!allowed(authorizeUrl) || !isSafeExternalUrl(authorizeUrl, [new URL(options.stravaBaseUrl).origin])) {
            reject(new InvalidInputError('Pacebar refused to show an unexpected sign-in address.'));
            return;
          }
          if (signal.aborted) {
            reject(new ConnectCancelledError());
            return;
          }
          // Electronegativity reads only literal options: these come from consentWindowOptions() above
          // (own partition, contextIsolation, sandbox, no Node, no preload, Auxclick off), asserted in
          // test/main/windows/consentWindow.test.ts; hence the eng-disable on this line.
          const win = new BrowserWindow(consentWindowOptions(options.parent?.() ?? null, nativeTheme.shouldUseDarkColors)); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK NODE_INTEGRATION_JS_CHECK
          window = win;
          const contents: WebContents = win.webContents;
          let settled = false;

          const finish = (outcome: () => void) => {
            if (settled) return;
            settled = true;
            cleanup?.();
            outcome();
          };
          const onAbort = () => finish(() => reject(new ConnectCancelledError()));
          const timer = setTimeout(() => finish(() => reject(new ConnectTimeoutError())), timeoutMs);

          /**
           * True when `url` is our redirect. The attempt is settled on the next turn, so callers
           * first prevent the navigation (or cancel the request) while the webContents is intact.
           */
          const catchRedirect = (url: string): boolean => {
            const outcome = matchRedirect(WINDOW_REDIRECT_URI, url, state);
            if (outcome.kind === 'not_redirect') return false;
            queueMicrotask(() => {
              if (outcome.kind === 'error') finish(() => reject(outcome.error));
              else finish(() => resolve({ code: outcome.code, scopes: outcome.scopes }));
            });
            return true;
          };

          // The redirect is handled here; everything else must stay on Strava (the app-wide guard
          // enforces this policy too, see webContentsGuards).
          setNavigationPolicy(contents, allowed);
          const onWillNavigate = (event: Electron.Event<Electron.WebContentsWillNavigateEventParams>) => {
            if (catchRedirect(event.url)) event.preventDefault();
            else if (!allowed(event.url)) event.preventDefault();
          };
          const onWillRedirect = (event: Electron.Event<Electron.WebContentsWillRedirectEventParams>) => {
            if (!event.isMainFrame) return;
            if (catchRedirect(event.url)) event.preventDefault();
            else if (!allowed(event.url)) event.preventDefault();
          };
          const onFailLoad = (_event: Electron.Event, errorCode: number, errorDescription: string, validatedUrl: string, isMainFrame: boolean) => {
            if (!isMainFrame || errorCode === ERR_ABORTED) return;
            if (matchRedirect(WINDOW_REDIRECT_URI, validatedUrl, state).kind !== 'not_redirect') return;
            finish(() => reject(new NetworkError(errorDescription || `error ${errorCode}`)));
          };
          const onClosed = () => {
            window = null;
            finish(() => reject(new ConnectCancelledError()));
          };

          contents.on('will-navigate', onWillNavigate);
          contents.on('will-redirect', onWillRedirect);
          contents.on('did-fail-load', onFailLoad);
          contents.setWindowOpenHandler(({ url }) => {
            // A link to Strava's help or terms goes to the system browser; never a new app window.
            if (isSafeExternalUrl(url, ANY_HTTPS)) void shell.openExternal(url).catch(() => {});
            return { action: 'deny' };
          });
          win.once('ready-to-show', () => {
            if (!settled) win.show();
          });
          win.on('closed', onClosed);
          signal.addEventListener('abort', onAbort, { once: true });

          sessionOwner = owner;
          ses.webRequest.onBeforeRequest({ urls: [REDIRECT_URL_PATTERN] }, (details, callback) => {
            // The redirect never reaches the network (nothing listens on port 80 anyway).
            callback({ cancel: true });
            if (sessionOwner === owner && details.resourceType === 'mainFrame') catchRedirect(details.url);
          });

          cleanup = () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', onAbort);
            if (!contents.isDestroyed()) {
              contents.off('will-navigate', onWillNavigate);
              contents.off('will-redirect', onWillRedirect);
              contents.off('did-fail-load', onFailLoad);
            }
            win.off('closed', onClosed);
            // destroy(), not close(): a beforeunload handler on Strava's page cannot keep it open.
            // Deferred a turn: never tear a webContents down inside one of its own event handlers.
            setImmediate(() => {
              if (!win.isDestroyed()) win.destroy();
            });
            window = null;
            cancelRun = null;
            releaseSession();
          };
          cancelRun = onAbort;

          void win.loadURL(authorizeUrl).catch(() => {
            // Failures arrive through did-fail-load (and ERR_ABORTED from our own prevention is expected).
          });
        });

      return {
        redirectUri: WINDOW_REDIRECT_URI,
        run,
        dispose() {
          // A run still waiting ends as cancelled (its cleanup closes the window and frees the session).
          cancelRun?.();
          const open = window as BrowserWindow | null;
          window = null;
          if (open && !open.isDestroyed()) setImmediate(() => open.isDestroyed() || open.destroy());
          releaseSession();
        },
      };
    },
  };
}
