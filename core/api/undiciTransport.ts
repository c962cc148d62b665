// The CLI's transport (and the tests'): undici, loaded on the first request so `pacebar status
// --offline` never pays for it. EnvHttpProxyAgent sends through HTTPS_PROXY / HTTP_PROXY (upper
// or lower case) unless NO_PROXY names the host, as curl and most command-line tools do.
import type { HttpTransport } from './transport';

export interface UndiciTransportOptions {
  env: NodeJS.ProcessEnv;
  connectTimeoutMs: number;
}

/** The proxy settings undici should use, read from `env` (lower case first, as curl does). */
export function proxySettings(env: NodeJS.ProcessEnv): { httpProxy?: string; httpsProxy?: string; noProxy?: string } {
  const pick = (name: string) => env[name.toLowerCase()] ?? env[name];
  const settings: { httpProxy?: string; httpsProxy?: string; noProxy?: string } = {};
  const http = pick('HTTP_PROXY');
  const https = pick('HTTPS_PROXY');
  const no = pick('NO_PROXY');
  // Empty strings, not undefined: undici would otherwise fall back to process.env.
  settings.httpProxy = http ?? '';
  settings.httpsProxy = https ?? http ?? '';
  settings.noProxy = no ?? '';
  return settings;
}

/**
 * undici's proxy failures carry no code of their own (lib/dispatcher/proxy-agent.js): a tunnel the
 * proxy refused is a RequestAbortedError "Proxy response (403) !== 200 when HTTP Tunneling", a 407
 * to a plain-http request an InvalidArgumentError. Named as Chromium names them, so core tells a
 * proxy failure from being offline whichever transport saw it (networkFailures.ts).
 */
export function proxyFailure(error: unknown): unknown {
  const message = error instanceof Error ? error.message : '';
  const name = /when HTTP Tunneling$/.test(message) ? (/\(407\)/.test(message) ? 'ERR_PROXY_AUTH_REQUESTED' : 'ERR_TUNNEL_CONNECTION_FAILED')
    : /^Proxy Authentication Required \(407\)$/.test(message) ? 'ERR_PROXY_AUTH_REQUESTED'
    : null;
  return name ? Object.assign(new Error(name), { code: name }) : error;
}

export function undiciTransport(options: UndiciTransportOptions): HttpTransport {
  let agent: Promise<{ request: typeof import('undici').request; dispatcher: import('undici').Dispatcher }> | null = null;
  const load = () => {
    agent ??= import('undici').then(({ EnvHttpProxyAgent, request }) => ({
      request,
      dispatcher: new EnvHttpProxyAgent({ ...proxySettings(options.env), connect: { timeout: options.connectTimeoutMs } }),
    }));
    return agent;
  };
  return {
    async send(request) {
      const { request: send, dispatcher } = await load();
      const response = await send(request.url, {
        dispatcher,
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: request.signal,
      }).catch((error: unknown) => {
        throw proxyFailure(error);
      });
      return {
        status: response.statusCode,
        headers: response.headers,
        body: response.body,
        cancel: () => response.body.destroy(),
      };
    },
    async close() {
      if (agent) await (await agent).dispatcher.close();
    },
  };
}
