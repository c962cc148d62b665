// One sign-in attempt in the consent window: the window's listeners, the redirect caught, and a
// teardown that runs exactly once, whatever ends the attempt (redirect, close, timeout, cancel,
// load failure). consentWindow.ts creates the window and the runner around it.
import type { BrowserWindow, Session, WebContents } from 'electron';
import { connectionFailure } from '../../core/api/networkFailures';
import { AthleteLimitError, BrowserSignInNeededError, ConnectCancelledError, ConnectTimeoutError, NetworkError, type PacebarError } from '../../core/errors';
import type { RedirectCheck, RedirectCode } from '../../core/oauth/consentRunner';
import { identityProviderOf } from '../../core/oauth/identityProviders';
import { setNavigationPolicy } from '../security/webContentsGuards';

/** Chromium's net::ERR_ABORTED: what our own preventDefault on a navigation produces. */
export const ERR_ABORTED = -3;

export interface ConsentAttemptDeps {
  window: BrowserWindow;
  /** The consent window's session: its webRequest hook sees redirects no navigation event shows. */
  session: Session;
  redirectPattern: string;
  check: RedirectCheck;
  /** Where the window may go (Strava); the redirect is caught before this is asked. */
  allowed: (url: string) => boolean;
  timeoutMs: number;
  signal: AbortSignal;
  /** Links that ask for a new window (Strava's help, terms) go to the system browser. */
  openLink: (details: { url: string }) => void;
  /** Called once the attempt has ended and let go of the window and the session hook. */
  onEnded: () => void;
  /** The window has just been shown. */
  onShown?: () => void;
  /** Strava's origin: a 403 from its authorize page is the athlete limit. */
  stravaOrigin: string;
}

export class ConsentAttempt {
  readonly result: Promise<RedirectCode>;
  private settled = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private resolve!: (code: RedirectCode) => void;
  private reject!: (error: PacebarError) => void;
  private readonly contents: WebContents;

  constructor(private readonly deps: ConsentAttemptDeps) {
    this.contents = deps.window.webContents;
    this.result = new Promise<RedirectCode>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  /** Wires the listeners and loads `authorizeUrl`; the outcome arrives on `result`. */
  start(authorizeUrl: string): void {
    const { window, signal } = this.deps;
    this.timer = setTimeout(() => this.fail(new ConnectTimeoutError()), this.deps.timeoutMs);
    // The redirect is handled here; everything else must stay on Strava (the app-wide guard
    // enforces this policy too, see webContentsGuards).
    setNavigationPolicy(this.contents, this.deps.allowed);
    this.contents.on('will-navigate', this.onWillNavigate);
    this.contents.on('will-redirect', this.onWillRedirect);
    this.contents.on('did-fail-load', this.onFailLoad);
    this.contents.on('did-navigate', this.onDidNavigate);
    this.contents.setWindowOpenHandler((details) => {
      // A Google/Apple/Facebook popup: that sign-in continues in the browser, not as a stray link.
      if (!this.needsBrowser(details.url)) this.deps.openLink(details);
      return { action: 'deny' };
    });
    window.once('ready-to-show', () => {
      if (this.settled) return;
      window.show();
      window.focus();
      this.deps.onShown?.();
    });
    window.on('closed', this.onClosed);
    signal.addEventListener('abort', this.cancel, { once: true });
    this.deps.session.webRequest.onBeforeRequest({ urls: [this.deps.redirectPattern] }, (details, callback) => {
      // The redirect never reaches the network (nothing listens on port 80 anyway).
      callback({ cancel: true });
      if (details.resourceType === 'mainFrame') this.catchRedirect(details.url);
    });
    void window.loadURL(authorizeUrl).catch(() => {
      // Failures arrive through did-fail-load (and ERR_ABORTED from our own prevention is expected).
    });
  }

  /** Ends the attempt as cancelled (a new attempt, the dashboard's Cancel, dispose). */
  readonly cancel = (): void => this.fail(new ConnectCancelledError());

  /**
   * True when `url` is our redirect. The attempt is settled on the next turn, so callers first
   * prevent the navigation (or cancel the request) while the webContents is intact.
   */
  private catchRedirect(url: string): boolean {
    const outcome = this.deps.check(url);
    if (outcome.kind === 'not_redirect') return false;
    queueMicrotask(() => {
      if (outcome.kind === 'error') this.fail(outcome.error);
      else this.succeed({ code: outcome.code, scopes: outcome.scopes });
    });
    return true;
  }

  /**
   * True (and the attempt ends) when `url` is a Google, Apple or Facebook sign-in: blocked here, it
   * would only abort with ERR_ABORTED and the button would seem dead.
   */
  private needsBrowser(url: string): boolean {
    const provider = identityProviderOf(url);
    if (provider === null) return false;
    this.fail(new BrowserSignInNeededError(provider));
    return true;
  }

  private readonly onWillNavigate = (event: Electron.Event<Electron.WebContentsWillNavigateEventParams>): void => {
    if (this.catchRedirect(event.url) || !this.deps.allowed(event.url)) event.preventDefault();
    if (event.defaultPrevented) this.needsBrowser(event.url);
  };

  private readonly onWillRedirect = (event: Electron.Event<Electron.WebContentsWillRedirectEventParams>): void => {
    if (!event.isMainFrame) return;
    if (this.catchRedirect(event.url) || !this.deps.allowed(event.url)) event.preventDefault();
    if (event.defaultPrevented) this.needsBrowser(event.url);
  };

  private readonly onFailLoad = (_event: Electron.Event, errorCode: number, errorDescription: string, validatedUrl: string, isMainFrame: boolean): void => {
    if (!isMainFrame || errorCode === ERR_ABORTED) return;
    if (this.deps.check(validatedUrl).kind !== 'not_redirect') return;
    // Chromium names the failure (ERR_CERT_AUTHORITY_INVALID, ERR_PROXY_CONNECTION_FAILED, …): a proxy
    // or certificate problem is said as such, as for the engine's own requests.
    this.fail(errorDescription ? connectionFailure(errorDescription) : new NetworkError(`error ${errorCode}`));
  };

  /**
   * Over the Standard Tier's athlete limit, Strava's authorize page is "Error 403: Limit of connected
   * athletes exceeded" instead of the form, and no redirect ever comes. did-navigate carries the main
   * frame's HTTP status (docs/api/web-contents.md, Event: 'did-navigate', httpResponseCode; a server's
   * error page commits like any page), so the attempt ends at once with the explanation instead of
   * waiting five minutes for a timeout.
   */
  private readonly onDidNavigate = (_event: Electron.Event, url: string, httpResponseCode: number): void => {
    if (httpResponseCode !== 403) return;
    let page: URL;
    try {
      page = new URL(url);
    } catch {
      return;
    }
    if (page.origin === this.deps.stravaOrigin && page.pathname.startsWith('/oauth/authorize')) this.fail(new AthleteLimitError());
  };

  private readonly onClosed = (): void => this.fail(new ConnectCancelledError());

  private succeed(code: RedirectCode): void {
    if (this.end()) this.resolve(code);
  }

  private fail(error: PacebarError): void {
    if (this.end()) this.reject(error);
  }

  /** Tears down once; false when the attempt had already ended. */
  private end(): boolean {
    if (this.settled) return false;
    this.settled = true;
    if (this.timer) clearTimeout(this.timer);
    this.deps.signal.removeEventListener('abort', this.cancel);
    const { window } = this.deps;
    if (!this.contents.isDestroyed()) {
      this.contents.off('will-navigate', this.onWillNavigate);
      this.contents.off('will-redirect', this.onWillRedirect);
      this.contents.off('did-fail-load', this.onFailLoad);
      this.contents.off('did-navigate', this.onDidNavigate);
    }
    window.off('closed', this.onClosed);
    // destroy(), not close(): a beforeunload handler on Strava's page cannot keep it open.
    // Deferred a turn: never tear a webContents down inside one of its own event handlers.
    setImmediate(() => {
      if (!window.isDestroyed()) window.destroy();
    });
    this.deps.onEnded();
    return true;
  }
}
