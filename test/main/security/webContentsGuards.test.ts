import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { FakeSession, FakeWebContents } from '../fakes/electron';
import { denyAllPermissions, installWebContentsGuards, setNavigationPolicy } from '../../../main/security/webContentsGuards';

function guarded() {
  const app = new EventEmitter();
  installWebContentsGuards(app as never);
  const contents = new FakeWebContents();
  app.emit('web-contents-created', {}, contents);
  return contents;
}

describe('web contents guards', () => {
  it('deny window.open', () => {
    const contents = guarded();
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://pacebar/index.html' })).toEqual({ action: 'deny' });
  });

  it('allow navigation within app://pacebar only', () => {
    const contents = guarded();
    expect(contents.navigate('app://pacebar/index.html#settings')).toBe(false);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://evil/index.html', 'http://127.0.0.1/', 'javascript:alert(1)']) {
      expect(contents.navigate(url), url).toBe(true);
    }
    expect(contents.redirect('https://evil.example/')).toBe(true);
  });

  it('a registered policy (the consent window) replaces the app rule for that webContents only', () => {
    const consent = guarded();
    setNavigationPolicy(consent as never, (url) => url.startsWith('https://www.strava.com/'));
    expect(consent.navigate('https://www.strava.com/login')).toBe(false);
    expect(consent.navigate('app://pacebar/index.html')).toBe(true);
    const other = guarded();
    expect(other.navigate('https://www.strava.com/login')).toBe(true);
  });

  it('refuse <webview>', () => {
    expect(guarded().attachWebview()).toBe(true);
  });

  it('deny every permission request and check', () => {
    const ses = new FakeSession('');
    denyAllPermissions(ses as never);
    const callback = vi.fn();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      ses.permissionRequestHandler!({}, permission, callback, {});
      expect(ses.permissionCheckHandler!({}, permission, 'app://pacebar', {})).toBe(false);
    }
    expect(callback.mock.calls.every(([granted]) => granted === false)).toBe(true);
    expect(callback).toHaveBeenCalledTimes(5);
  });
});
