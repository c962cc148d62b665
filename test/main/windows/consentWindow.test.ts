import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../fakes/electron'));

import { BrowserWindow, FakeSession, host, resetFakes, session, shell, app } from '../fakes/electron';
import {
  CONSENT_PARTITION,
  REDIRECT_URL_PATTERN,
  WINDOW_REDIRECT_URI,
  consentNavigationPolicy,
  consentWindowRunner,
} from '../../../main/windows/consentWindow';
import { installWebContentsGuards } from '../../../main/security/webContentsGuards';
import { AthleteLimitError, BrowserSignInNeededError, CertificateError, ProxyError, ConnectCancelledError, ConnectTimeoutError, InvalidInputError, NetworkError, RedirectError } from '../../../core/errors';
import type { PreparedConsent, RedirectCheck } from '../../../core/oauth/consentRunner';
import { matchRedirect } from '../../../core/oauth/redirectMatcher';

const STRAVA = 'https://www.strava.com';
const AUTHORIZE = `${STRAVA}/oauth/authorize?client_id=1&redirect_uri=${encodeURIComponent(WINDOW_REDIRECT_URI)}&state=S1`;
const redirect = (query: string) => `${WINDOW_REDIRECT_URI}?${query}`;
/** The engine's verdict for this attempt (state S1). */
const check: RedirectCheck = (url) => matchRedirect(WINDOW_REDIRECT_URI, url, 'S1');

installWebContentsGuards(app as never);

async function begin(options: { timeoutMs?: number; signal?: AbortSignal } = {}) {
  const runner = consentWindowRunner({ stravaBaseUrl: STRAVA, timeoutMs: options.timeoutMs });
  const prepared: PreparedConsent = await runner.prepare();
  const signal = options.signal ?? new AbortController().signal;
  const result = prepared.run(AUTHORIZE, check, signal);
  result.catch(() => {}); // observed by each test
  const win = BrowserWindow.instances.at(-1)!;
  const ses = session.fromPartition(CONSENT_PARTITION) as FakeSession;
  return { prepared, result, win, contents: win.webContents, ses };
}

describe('consent window', () => {
  beforeEach(() => {
    resetFakes();
    vi.mocked(shell.openExternal).mockClear();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('uses the fixed 127.0.0.1 redirect URI and loads the authorize URL in a locked-down window', async () => {
    const { prepared, win, result, ses } = await begin();
    expect(prepared.redirectUri).toBe('http://127.0.0.1/pacebar/callback');
    expect(win.loadURL).toHaveBeenCalledWith(AUTHORIZE);
    const prefs = win.options.webPreferences!;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, partition: CONSENT_PARTITION, disableBlinkFeatures: 'Auxclick' });
    expect(prefs.preload).toBeUndefined();
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    // Permissions refused on the consent session too.
    let granted: boolean | null = null;
    ses.permissionRequestHandler!(win.webContents, 'geolocation', (g) => (granted = g), {});
    expect(granted).toBe(false);
    expect(ses.permissionCheckHandler!()).toBe(false);
    expect(ses.beforeRequest?.filter.urls).toEqual([REDIRECT_URL_PATTERN]);
    // Shown once ready.
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
    prepared.dispose();
    await expect(result).rejects.toBeInstanceOf(ConnectCancelledError);
  });

  it('catches the redirect in will-redirect: resolves code and scopes, prevents loading it, closes the window', async () => {
    const { result, contents, win, prepared, ses } = await begin();
    const prevented = contents.redirect(redirect('state=S1&code=abc123&scope=read,activity:read_all,profile:read_all'));
    expect(prevented).toBe(true);
    await expect(result).resolves.toEqual({ code: 'abc123', scopes: ['read', 'activity:read_all', 'profile:read_all'] });
    await win.whenDestroyed();
    expect(win.isDestroyed()).toBe(true);
    // The session's hook is gone and its storage wiped (no Strava cookie outlives the attempt).
    expect(ses.beforeRequest).toBeNull();
    expect(ses.clearStorageData).toHaveBeenCalled();
    prepared.dispose();
  });

  it('catches the redirect in will-navigate', async () => {
    const { result, contents, win } = await begin();
    expect(contents.navigate(redirect('state=S1&code=nav&scope=read'))).toBe(true);
    await expect(result).resolves.toEqual({ code: 'nav', scopes: ['read'] });
    await win.whenDestroyed();
    expect(win.isDestroyed()).toBe(true);
  });

  it('catches the redirect in webRequest.onBeforeRequest and cancels the request', async () => {
    const { result, ses, win } = await begin();
    expect(ses.request(redirect('state=S1&code=web&scope=read'))).toEqual({ cancel: true });
    await expect(result).resolves.toEqual({ code: 'web', scopes: ['read'] });
    await win.whenDestroyed();
    expect(win.isDestroyed()).toBe(true);
  });

  it('only the first of the three catches counts', async () => {
    const { result, contents, ses } = await begin();
    contents.redirect(redirect('state=S1&code=first&scope=read'));
    // The same redirect seen again by the webRequest hook is still cancelled, but changes nothing.
    expect(ses.request(redirect('state=S1&code=second&scope=read'))).toEqual({ cancel: true });
    await expect(result).resolves.toMatchObject({ code: 'first' });
    // Afterwards the hook is gone.
    expect(ses.request(redirect('state=S1&code=third&scope=read'))).toBeNull();
  });

  it('access_denied → RedirectError', async () => {
    const { result, contents, win } = await begin();
    contents.redirect(redirect('state=S1&error=access_denied'));
    await expect(result).rejects.toMatchObject({ name: 'RedirectError', problem: 'access_denied' });
    await expect(result).rejects.toBeInstanceOf(RedirectError);
    await win.whenDestroyed();
    expect(win.isDestroyed()).toBe(true);
  });

  it('wrong state → RedirectError state_mismatch; missing code → missing_code', async () => {
    const a = await begin();
    a.contents.navigate(redirect('state=OTHER&code=abc'));
    await expect(a.result).rejects.toMatchObject({ problem: 'state_mismatch' });
    const b = await begin();
    b.contents.navigate(redirect('state=S1'));
    await expect(b.result).rejects.toMatchObject({ problem: 'missing_code' });
  });

  it('the user closing the window → ConnectCancelledError', async () => {
    const { result, win } = await begin();
    win.close();
    await expect(result).rejects.toBeInstanceOf(ConnectCancelledError);
  });

  it('the attempt being aborted (cancel, or a browser sign-in instead) → ConnectCancelledError and the window closes', async () => {
    const controller = new AbortController();
    const { result, win } = await begin({ signal: controller.signal });
    controller.abort();
    await expect(result).rejects.toBeInstanceOf(ConnectCancelledError);
    await win.whenDestroyed();
    expect(win.isDestroyed()).toBe(true);
  });

  it('an already aborted signal opens no window', async () => {
    const runner = consentWindowRunner({ stravaBaseUrl: STRAVA });
    const prepared = await runner.prepare();
    const controller = new AbortController();
    controller.abort();
    await expect(prepared.run(AUTHORIZE, check, controller.signal)).rejects.toBeInstanceOf(ConnectCancelledError);
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('times out after 5 minutes → ConnectTimeoutError', async () => {
    vi.useFakeTimers();
    const { result, win } = await begin();
    await vi.advanceTimersByTimeAsync(5 * 60_000 - 1);
    expect(win.isDestroyed()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).rejects.toBeInstanceOf(ConnectTimeoutError);
    await vi.runOnlyPendingTimersAsync(); // the window is destroyed a turn later (a faked setImmediate here)
    await win.whenDestroyed();
    expect(win.isDestroyed()).toBe(true);
  });

  it('a main-frame load failure → NetworkError; our own ERR_ABORTED and subframe failures are ignored', async () => {
    const { result, contents, win } = await begin();
    contents.failLoad(-3, 'ERR_ABORTED', 'https://evil.example/');
    contents.failLoad(-105, 'ERR_NAME_NOT_RESOLVED', 'https://www.google.com/recaptcha', false);
    expect(win.isDestroyed()).toBe(false);
    contents.failLoad(-106, 'ERR_INTERNET_DISCONNECTED', AUTHORIZE);
    await expect(result).rejects.toBeInstanceOf(NetworkError);
    await expect(result).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await win.whenDestroyed();
    expect(win.isDestroyed()).toBe(true);
  });

  it('Strava\'s page refused for its certificate or by the proxy: said as such, not as being offline', async () => {
    const cert = await begin();
    cert.contents.failLoad(-202, 'ERR_CERT_AUTHORITY_INVALID', AUTHORIZE);
    await expect(cert.result).rejects.toBeInstanceOf(CertificateError);
    const proxy = await begin();
    proxy.contents.failLoad(-130, 'ERR_PROXY_CONNECTION_FAILED', AUTHORIZE);
    await expect(proxy.result).rejects.toBeInstanceOf(ProxyError);
  });

  it('navigation stays on Strava: foreign origins are prevented, Strava pages are not', async () => {
    const { result, contents, win, prepared } = await begin();
    expect(contents.navigate('https://evil.example/phish')).toBe(true);
    expect(contents.navigate('http://www.strava.com/login')).toBe(true);
    expect(contents.redirect('https://evil.example/')).toBe(true);
    expect(contents.navigate('https://www.strava.com/login')).toBe(false);
    expect(contents.redirect('https://www.strava.com/oauth/authorize?x=1')).toBe(false);
    // A subframe redirect (e.g. a captcha) is not ours to police.
    expect(contents.redirect('https://www.google.com/recaptcha/api2', false)).toBe(false);
    expect(win.isDestroyed()).toBe(false);
    prepared.dispose();
    await expect(result).rejects.toBeInstanceOf(ConnectCancelledError);
  });

  it('window.open is denied; an https link goes to the system browser, other schemes nowhere', async () => {
    const { contents, prepared, result } = await begin();
    expect(contents.windowOpenHandler!({ url: 'https://support.strava.com/hc' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://support.strava.com/hc');
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    prepared.dispose();
    await result.catch(() => {});
  });

  it('Strava\'s authorize page answered 403 (the athlete limit) ends the attempt at once with the explanation', async () => {
    const { result, contents, win } = await begin();
    // Other pages, other statuses and other sites are not the limit.
    contents.commitNavigation('https://www.strava.com/login', 403, 'Forbidden');
    contents.commitNavigation(AUTHORIZE, 200, 'OK');
    contents.commitNavigation('https://evil.example/oauth/authorize', 403, 'Forbidden');
    expect(win.isDestroyed()).toBe(false);
    contents.commitNavigation(AUTHORIZE, 403, 'Forbidden');
    await expect(result).rejects.toEqual(new AthleteLimitError());
    await expect(result).rejects.toThrow(/limit of 10 connected athletes.*settings\/apps.*each person can use their own/);
    await vi.waitFor(() => expect(win.isDestroyed()).toBe(true));
  });

  it('Strava\'s "Sign in with Google" ends the attempt with BrowserSignInNeededError instead of a dead button', async () => {
    const { result, contents, win } = await begin();
    expect(contents.navigate('https://accounts.google.com/o/oauth2/v2/auth?client_id=strava')).toBe(true);
    await expect(result).rejects.toEqual(new BrowserSignInNeededError('Google'));
    await expect(result).rejects.toThrow('Signing in with Google does not work in a Pacebar window, so Pacebar continues in your browser.');
    await vi.waitFor(() => expect(win.isDestroyed()).toBe(true));
  });

  it('Apple through Strava\'s redirect, Facebook as a popup: the same, and the popup is not sent to the browser as a link', async () => {
    const apple = await begin();
    expect(apple.contents.redirect('https://appleid.apple.com/auth/authorize?client_id=com.strava')).toBe(true);
    await expect(apple.result).rejects.toMatchObject({ code: 'browser_sign_in_needed', provider: 'Apple' });
    const facebook = await begin();
    expect(facebook.contents.openWindow('https://www.facebook.com/v19.0/dialog/oauth?client_id=1')).toEqual({ action: 'deny' });
    await expect(facebook.result).rejects.toMatchObject({ provider: 'Facebook' });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('is not owned by the dashboard: closing the dashboard on Windows keeps the sign-in going', async () => {
    host.platform = 'win32';
    const dashboard = new BrowserWindow({ title: 'Pacebar' });
    const { result, win, contents, prepared } = await begin();
    expect(win.options.parent).toBeUndefined();
    let settled = false;
    void result.then(() => (settled = true), () => (settled = true));
    dashboard.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(win.isDestroyed()).toBe(false);
    expect(settled).toBe(false);
    contents.redirect(redirect('state=S1&code=kept&scope=read'));
    await expect(result).resolves.toMatchObject({ code: 'kept' });
    prepared.dispose();
  });

  it('(the fake) Windows destroys an owned window with its owner', () => {
    host.platform = 'win32';
    const owner = new BrowserWindow({});
    const owned = new BrowserWindow({ parent: owner as unknown as Electron.BrowserWindow });
    owner.close();
    expect(owned.isDestroyed()).toBe(true);
  });

  it('refuses an authorize URL off Strava\'s origin without opening a window', async () => {
    const runner = consentWindowRunner({ stravaBaseUrl: STRAVA });
    const prepared = await runner.prepare();
    await expect(prepared.run('https://evil.example/oauth/authorize', check, new AbortController().signal)).rejects.toBeInstanceOf(InvalidInputError);
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('dispose of an older attempt does not unhook a newer one', async () => {
    const first = await begin();
    first.prepared.dispose();
    await expect(first.result).rejects.toBeInstanceOf(ConnectCancelledError);
    const second = await begin();
    first.prepared.dispose(); // late, repeated dispose
    expect(second.ses.beforeRequest).not.toBeNull();
    expect(second.ses.request(redirect('state=S1&code=two&scope=read'))).toEqual({ cancel: true });
    await expect(second.result).resolves.toMatchObject({ code: 'two' });
  });
});

describe('consentNavigationPolicy', () => {
  it('real Strava: its https origin and strava.com subdomains only', () => {
    const allow = consentNavigationPolicy(STRAVA);
    expect(allow('https://www.strava.com/oauth/authorize')).toBe(true);
    expect(allow('https://strava.com/login')).toBe(true);
    expect(allow('https://www.strava.com.evil.example/')).toBe(false);
    expect(allow('https://evilstrava.com/')).toBe(false);
    expect(allow('http://www.strava.com/')).toBe(false);
    expect(allow('https://user:pw@www.strava.com/')).toBe(false);
    expect(allow('not a url')).toBe(false);
  });

  it('simulator: exactly its origin', () => {
    const allow = consentNavigationPolicy('http://127.0.0.1:4321');
    expect(allow('http://127.0.0.1:4321/oauth/authorize')).toBe(true);
    expect(allow('http://127.0.0.1:4322/oauth/authorize')).toBe(false);
    expect(allow('https://www.strava.com/')).toBe(false);
    expect(allow(WINDOW_REDIRECT_URI)).toBe(false);
  });
});
