// The browser flow with the real loopback listener over real HTTP: the test plays the browser.
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserConsentRunner } from '../../../core/oauth/browserConsent';
import { SIGN_IN_TIMEOUT_MS, type PreparedConsent, type RedirectCheck } from '../../../core/oauth/consentRunner';
import { matchRedirect } from '../../../core/oauth/redirectMatcher';
import { ConnectCancelledError, ConnectTimeoutError, InvalidInputError, RedirectError } from '../../../core/errors';

const STRAVA = 'https://www.strava.com';

/** A GET with a Host header of our choosing (fetch may not set one). */
function rawGet(base: string, search: string, host: string): Promise<{ status: number }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: url.hostname, port: url.port, path: `${url.pathname}${search}`, headers: { host } }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
    });
    request.on('error', reject);
    request.end();
  });
}
const authorizeUrl = (redirectUri: string) =>
  `${STRAVA}/oauth/authorize?client_id=1&response_type=code&redirect_uri=${encodeURIComponent(redirectUri)}&state=S1`;

/** The engine's verdict for an attempt whose state is S1. */
const check = (prepared: PreparedConsent): RedirectCheck => (url) => matchRedirect(prepared.redirectUri, url, 'S1');

afterEach(() => {
  vi.useRealTimers();
});

/** An opener that records what it was asked to open; `opened` settles when it is called. */
function recordingOpener() {
  let markOpened!: (url: string) => void;
  const opened = new Promise<string>((resolve) => (markOpened = resolve));
  const openExternal = vi.fn(async (url: string) => markOpened(url));
  return { openExternal, opened };
}

describe('browser consent', () => {
  it('opens the authorize URL in the browser and resolves from the loopback redirect', async () => {
    let opened = '';
    const { openExternal, opened: openedUrl } = recordingOpener();
    const prepared = await browserConsentRunner({ stravaBaseUrl: STRAVA, openExternal }).prepare();
    try {
      expect(prepared.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
      const url = authorizeUrl(prepared.redirectUri);
      const result = prepared.run(url, check(prepared), new AbortController().signal);
      opened = await openedUrl;
      expect(openExternal).toHaveBeenCalledWith(url);
      expect(new URL(opened).searchParams.get('redirect_uri')).toBe(prepared.redirectUri);
      // The "browser" follows Strava's redirect to the listener.
      const response = await fetch(`${prepared.redirectUri}?state=S1&code=c0de&scope=read,activity:read_all`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('You can close this tab');
      await expect(result).resolves.toEqual({ code: 'c0de', scopes: ['read', 'activity:read_all'] });
    } finally {
      prepared.dispose();
    }
  });

  it('a stray request (wrong, missing or repeated state; another Host) gets an error page and the real answer still connects', async () => {
    const { openExternal, opened } = recordingOpener();
    const prepared = await browserConsentRunner({ stravaBaseUrl: STRAVA, openExternal }).prepare();
    try {
      const result = prepared.run(authorizeUrl(prepared.redirectUri), check(prepared), new AbortController().signal);
      let settled = false;
      result.then(() => (settled = true), () => (settled = true));
      await opened;
      for (const query of ['state=FORGED&code=c0de', 'code=c0de', 'state=S1&state=S1&code=c0de', 'state=&code=c0de', 'error=access_denied']) {
        const response = await fetch(`${prepared.redirectUri}?${query}`);
        expect(response.status, query).toBe(400);
        expect(await response.text(), query).toContain('Not this sign-in');
      }
      // A page whose own host name was rebound to 127.0.0.1 (DNS rebinding) sends its own Host.
      const rebound = await rawGet(prepared.redirectUri, '?state=S1&code=c0de', 'evil.example:80');
      expect(rebound.status).toBe(421);
      expect(settled).toBe(false);
      // Still listening: Strava's real redirect arrives and connects.
      const real = await fetch(`${prepared.redirectUri}?state=S1&code=c0de&scope=read`);
      expect(real.status).toBe(200);
      await expect(result).resolves.toEqual({ code: 'c0de', scopes: ['read'] });
    } finally {
      prepared.dispose();
    }
  });

  it("Strava's refusal with this attempt's state (access denied) ends the wait", async () => {
    const { openExternal, opened } = recordingOpener();
    const prepared = await browserConsentRunner({ stravaBaseUrl: STRAVA, openExternal }).prepare();
    try {
      const result = prepared.run(authorizeUrl(prepared.redirectUri), check(prepared), new AbortController().signal);
      result.catch(() => {});
      await opened;
      const response = await fetch(`${prepared.redirectUri}?state=S1&error=access_denied`);
      expect(response.status).toBe(400);
      await expect(result).rejects.toBeInstanceOf(RedirectError);
      await expect(result).rejects.toMatchObject({ problem: 'access_denied' });
    } finally {
      prepared.dispose();
    }
  });

  it('refuses a non-https or foreign authorize URL: the browser is never opened', async () => {
    const openExternal = vi.fn(async () => {});
    const prepared = await browserConsentRunner({ stravaBaseUrl: STRAVA, openExternal }).prepare();
    try {
      const signal = new AbortController().signal;
      await expect(prepared.run('http://www.strava.com/oauth/authorize?state=S1', check(prepared), signal)).rejects.toBeInstanceOf(InvalidInputError);
      await expect(prepared.run('https://evil.example/oauth/authorize', check(prepared), signal)).rejects.toBeInstanceOf(InvalidInputError);
      await expect(prepared.run('file:///etc/passwd', check(prepared), signal)).rejects.toBeInstanceOf(InvalidInputError);
      expect(openExternal).not.toHaveBeenCalled();
    } finally {
      prepared.dispose();
    }
  });

  it('accepts http on loopback for the simulator', async () => {
    const { openExternal, opened } = recordingOpener();
    const prepared = await browserConsentRunner({ stravaBaseUrl: 'http://127.0.0.1:4321', openExternal }).prepare();
    const controller = new AbortController();
    const result = prepared.run('http://127.0.0.1:4321/oauth/authorize?state=S1', check(prepared), controller.signal);
    result.catch(() => {});
    expect(await opened).toBe('http://127.0.0.1:4321/oauth/authorize?state=S1');
    controller.abort();
    await expect(result).rejects.toBeInstanceOf(ConnectCancelledError);
    prepared.dispose();
  });

  it('cancelling the attempt rejects with ConnectCancelledError and frees the port', async () => {
    const prepared = await browserConsentRunner({ stravaBaseUrl: STRAVA, openExternal: async () => {} }).prepare();
    const controller = new AbortController();
    const result = prepared.run(authorizeUrl(prepared.redirectUri), check(prepared), controller.signal);
    result.catch(() => {});
    controller.abort();
    await expect(result).rejects.toBeInstanceOf(ConnectCancelledError);
    prepared.dispose();
    // Closed, not just unanswered: the next connection is refused (libuv closes a listening
    // socket's descriptor inside server.close(), before its callback).
    await expect(fetch(`${prepared.redirectUri}?state=S1&code=x`)).rejects.toThrow();
  });

  it('times out after five minutes without an answer', async () => {
    const prepared = await browserConsentRunner({ stravaBaseUrl: STRAVA, openExternal: async () => {} }).prepare();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const result = prepared.run(authorizeUrl(prepared.redirectUri), check(prepared), new AbortController().signal);
    result.catch(() => {});
    await vi.advanceTimersByTimeAsync(SIGN_IN_TIMEOUT_MS - 1);
    let settled = false;
    void result.finally(() => (settled = true)).catch(() => {});
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).rejects.toBeInstanceOf(ConnectTimeoutError);
    // The browser's page cannot be seen: the message names Strava's athlete-limit page.
    await expect(result).rejects.toThrow(/Limit of connected athletes exceeded.*10 connected athletes.*settings\/apps/);
    prepared.dispose();
  });

  it('no browser could be opened: a clear one-line error, and the listener is released', async () => {
    const prepared = await browserConsentRunner({
      stravaBaseUrl: STRAVA,
      openExternal: async () => {
        throw new Error('no handler');
      },
    }).prepare();
    await expect(prepared.run(authorizeUrl(prepared.redirectUri), check(prepared), new AbortController().signal)).rejects.toThrow(/could not open your browser/);
    prepared.dispose();
  });
});
