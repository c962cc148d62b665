// Response bodies are bounded even when the server sends no Content-Length (chunked).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { StravaHttp } from '../../../core/api/httpClient';
import { RateBudget } from '../../../core/api/rateBudget';
import { BadResponseError } from '../../../core/errors';
import { commandLineTransport } from '../../../core/engine/createEngine';

let server: Server | null = null;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = null;
});

async function serveChunked(megabytes: number): Promise<string> {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }); // no Content-Length: chunked
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    response.write('[');
    for (let i = 0; i < megabytes; i += 1) response.write(chunk);
    response.end(']');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`;
}

describe('StravaHttp body limit', () => {
  it('refuses a chunked body over 8 MB with a typed error', async () => {
    const url = await serveChunked(9);
    const http = new StravaHttp({ budget: new RateBudget(() => Date.now()), clock: () => Date.now(), retry: { maxRetries: 0 }, transport: commandLineTransport({}) });
    await expect(http.getJson(url, 'token')).rejects.toBeInstanceOf(BadResponseError);
    await http.close();
  });

  it('reads a chunked body under the limit', async () => {
    const url = await serveChunked(1);
    const http = new StravaHttp({ budget: new RateBudget(() => Date.now()), clock: () => Date.now(), transport: commandLineTransport({}) });
    expect(await http.getJson(url, 'token')).toEqual([]);
    await http.close();
  });
});
