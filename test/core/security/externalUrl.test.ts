import { describe, expect, it } from 'vitest';
import { ANY_HTTPS, isSafeExternalUrl } from '../../../core/security/externalUrl';

const STRAVA = ['https://www.strava.com'];

describe('isSafeExternalUrl', () => {
  it('accepts https on an allowed origin', () => {
    expect(isSafeExternalUrl('https://www.strava.com/athletes/42', STRAVA)).toBe(true);
    expect(isSafeExternalUrl('https://www.strava.com:443/settings/api', STRAVA)).toBe(true);
  });

  it('refuses other origins, lookalikes and credentials', () => {
    expect(isSafeExternalUrl('https://strava.com/athletes/42', STRAVA)).toBe(false);
    expect(isSafeExternalUrl('https://www.strava.com.evil.example/', STRAVA)).toBe(false);
    expect(isSafeExternalUrl('https://www.strava.com@evil.example/', STRAVA)).toBe(false);
    expect(isSafeExternalUrl('https://user:pw@www.strava.com/', STRAVA)).toBe(false);
    expect(isSafeExternalUrl('https://www.strava.com:8443/', STRAVA)).toBe(false);
  });

  it('refuses every non-web scheme', () => {
    for (const url of [
      'http://www.strava.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
      'smb://host/share',
      'ms-msdt:/id',
      'app://pacebar/index.html',
      'mailto:a@b.c',
      'vbscript:x',
    ]) {
      expect(isSafeExternalUrl(url, STRAVA), url).toBe(false);
      expect(isSafeExternalUrl(url, ANY_HTTPS), url).toBe(false);
    }
  });

  it('http only on loopback and only when that origin is allowed (the simulator)', () => {
    expect(isSafeExternalUrl('http://127.0.0.1:4321/oauth/authorize', ['http://127.0.0.1:4321'])).toBe(true);
    expect(isSafeExternalUrl('http://localhost:4321/x', ['http://localhost:4321'])).toBe(true);
    expect(isSafeExternalUrl('http://127.0.0.1:4322/x', ['http://127.0.0.1:4321'])).toBe(false);
    expect(isSafeExternalUrl('http://127.0.0.1:4321/x', ANY_HTTPS)).toBe(false);
    expect(isSafeExternalUrl('http://10.0.0.1/x', ['http://10.0.0.1'])).toBe(false);
  });

  it('ANY_HTTPS: any https page, nothing else', () => {
    expect(isSafeExternalUrl('https://support.strava.com/hc/en-us', ANY_HTTPS)).toBe(true);
    expect(isSafeExternalUrl('https://', ANY_HTTPS)).toBe(false);
    expect(isSafeExternalUrl('http://example.com/', ANY_HTTPS)).toBe(false);
  });

  it('refuses junk: non-strings, whitespace, control characters, huge strings', () => {
    expect(isSafeExternalUrl(undefined, STRAVA)).toBe(false);
    expect(isSafeExternalUrl(42, STRAVA)).toBe(false);
    expect(isSafeExternalUrl('', STRAVA)).toBe(false);
    expect(isSafeExternalUrl(' https://www.strava.com/', STRAVA)).toBe(false);
    expect(isSafeExternalUrl('https://www.strava.com/\n', STRAVA)).toBe(false);
    expect(isSafeExternalUrl(`https://www.strava.com/${'a'.repeat(9000)}`, STRAVA)).toBe(false);
    expect(isSafeExternalUrl('not a url', STRAVA)).toBe(false);
    expect(isSafeExternalUrl('https://www.strava.com/', [])).toBe(false);
  });
});
