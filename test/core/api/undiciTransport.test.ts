// The CLI's transport behind a proxy that says no: a refused tunnel or a proxy login is a
// ProxyError (what to check: the proxy settings), never "Can't reach Strava … check your connection".
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { StravaHttp } from '../../../core/api/httpClient';
import { RateBudget } from '../../../core/api/rateBudget';
import { commandLineTransport } from '../../../core/engine/createEngine';
import { NetworkError, ProxyError } from '../../../core/errors';

let proxy: Server | null = null;
afterEach(async () => {
  proxy?.closeAllConnections();
  await new Promise((resolve) => proxy?.close(resolve) ?? resolve(undefined));
  proxy = null;
});

/** A proxy that answers every request and every CONNECT with `status`. */
async function refusingProxy(status: number): Promise<string> {
  proxy = createServer((_request, response) => response.writeHead(status, { 'proxy-authenticate': 'Basic realm="corp"' }).end());
  proxy.on('connect', (_request, socket: Socket) => socket.end(`HTTP/1.1 ${status} No\r\nContent-Length: 0\r\n\r\n`));
  await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

function client(env: NodeJS.ProcessEnv): StravaHttp {
  return new StravaHttp({ budget: new RateBudget(() => Date.now()), clock: () => Date.now(), retry: { maxRetries: 0 }, transport: commandLineTransport(env) });
}

describe('undici transport: proxy failures', () => {
  it('a tunnel the proxy refuses (https) is a ProxyError naming it', async () => {
    const url = await refusingProxy(403);
    const error = await client({ HTTPS_PROXY: url }).getJson('https://strava.invalid/api/v3/athlete', 't').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProxyError);
    expect((error as Error).message).toContain('(ERR_TUNNEL_CONNECTION_FAILED)');
  });

  it('a proxy that wants a login (407), tunnelled or not, is a ProxyError', async () => {
    const url = await refusingProxy(407);
    for (const target of ['https://strava.invalid/api/v3/athlete', 'http://strava.invalid/api/v3/athlete']) {
      const error = await client({ HTTPS_PROXY: url, HTTP_PROXY: url }).getJson(target, 't').catch((e: unknown) => e);
      expect(error, target).toBeInstanceOf(ProxyError);
      expect((error as Error).message, target).toContain('(ERR_PROXY_AUTH_REQUESTED)');
    }
  });

  it('without a proxy, an unknown host is still plain "can\'t reach"', async () => {
    const error = await client({}).getJson('http://strava.invalid/api/v3/athlete', 't').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
  });
});
