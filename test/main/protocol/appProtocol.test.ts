import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, RENDERER_CSP, createAppProtocolHandler, resolveAppFile } from '../../../main/protocol/appProtocol';

let root: string;
let outside: string;
beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'pacebar-proto-'));
  root = join(base, 'renderer');
  outside = join(base, 'secret.txt');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Pacebar</title>');
  writeFileSync(join(root, 'assets', 'main-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}');
  writeFileSync(outside, 'do not serve');
});
afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

const get = (url: string, method = 'GET') => createAppProtocolHandler(root)(new Request(url, { method }));

describe('app:// protocol', () => {
  it('is registered standard, secure and fetch-capable', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });

  it('serves the renderer with its type and the CSP header', async () => {
    const index = await get('app://pacebar/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('<title>Pacebar</title>');
    const root = await get('app://pacebar/');
    expect(await root.text()).toContain('<title>Pacebar</title>');
    const js = await get('app://pacebar/assets/main-abc.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const css = await get('app://pacebar/assets/style.css?v=1');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('the CSP keeps scripts to self and forbids connections, framing and plugins', () => {
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).toContain("connect-src 'none'");
    expect(RENDERER_CSP).toContain("frame-ancestors 'none'");
    expect(RENDERER_CSP).not.toContain('unsafe-');
  });

  it.each([
    'app://pacebar/../secret.txt',
    'app://pacebar/%2e%2e/secret.txt',
    'app://pacebar/..%2Fsecret.txt',
    'app://pacebar/assets/..%2F..%2Fsecret.txt',
    'app://pacebar/..%5Csecret.txt',
    'app://pacebar/%00index.html',
    'app://pacebar/%E0%A4%A',
    'app://evil/index.html',
    'app://pacebar/missing.html',
    'app://pacebar/assets',
  ])('refuses %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('do not serve');
  });

  it('resolveAppFile never leaves the folder', () => {
    expect(resolveAppFile(root, 'app://pacebar/assets/main-abc.js')).toBe(join(root, 'assets', 'main-abc.js'));
    expect(resolveAppFile(root, 'app://pacebar/..%2Fsecret.txt')).toBeNull();
    expect(resolveAppFile(root, 'https://pacebar/index.html')).toBeNull();
    expect(resolveAppFile(root, 'not a url')).toBeNull();
  });

  it('only GET and HEAD', async () => {
    expect((await get('app://pacebar/index.html', 'POST')).status).toBe(405);
    const head = await get('app://pacebar/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('RENDERER_CSP images', () => {
  it("allows only the hosts Strava serves athlete pictures from, never all of CloudFront or a wildcard", () => {
    const imgSrc = RENDERER_CSP.split('; ').find((directive) => directive.startsWith('img-src '))!.split(' ').slice(1);
    expect(imgSrc.sort()).toEqual(
      ["'self'", 'data:', 'https://dgalywyr863hv.cloudfront.net', 'https://graph.facebook.com', 'https://lh3.googleusercontent.com', 'https://platform-lookaside.fbsbx.com'].sort(),
    );
    expect(imgSrc.some((source) => source.includes('*'))).toBe(false);
  });
});
