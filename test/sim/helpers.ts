import { DEMO_CLIENT, type SimOptions, type StravaSim, startStravaSim } from '../../sim/index';

// A fixed summer instant keeps dates, DST offsets and quarter-hour windows predictable.
export const T0 = Date.UTC(2025, 5, 10, 12, 3, 0);

const running: StravaSim[] = [];

export async function startSim(options: SimOptions = {}): Promise<StravaSim> {
  const sim = await startStravaSim({ now: T0, seed: 7, ...options });
  running.push(sim);
  return sim;
}

export async function closeAll(): Promise<void> {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
}

export const REDIRECT = 'http://127.0.0.1:48123/callback';

export function authorizeUrl(sim: StravaSim, params: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    client_id: DEMO_CLIENT.clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    approval_prompt: 'force',
    scope: 'read,activity:read_all,profile:read_all',
    state: 'st4te',
    ...params,
  });
  return `${sim.baseUrl}/oauth/authorize?${query}`;
}

export interface Json {
  status: number;
  headers: Headers;
  body: any;
}

export async function post(sim: StravaSim, path: string, fields: Record<string, string>, asJson = false): Promise<Json> {
  const res = await fetch(`${sim.baseUrl}${path}`, {
    method: 'POST',
    headers: asJson ? { 'content-type': 'application/json' } : {},
    body: asJson ? JSON.stringify(fields) : new URLSearchParams(fields),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

export async function get(sim: StravaSim, path: string, token?: string): Promise<Json> {
  const res = await fetch(`${sim.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

export async function codeFor(sim: StravaSim, scope: string, uncheck: string[] = []): Promise<string> {
  const location = await sim.consent(authorizeUrl(sim, { scope }), { uncheck });
  const code = new URL(location).searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  return code;
}

export function exchange(sim: StravaSim, code: string, secret = DEMO_CLIENT.clientSecret): Promise<Json> {
  return post(sim, '/oauth/token', {
    client_id: DEMO_CLIENT.clientId,
    client_secret: secret,
    code,
    grant_type: 'authorization_code',
  });
}

export function refresh(sim: StravaSim, refreshToken: string): Promise<Json> {
  return post(sim, '/oauth/token', {
    client_id: DEMO_CLIENT.clientId,
    client_secret: DEMO_CLIENT.clientSecret,
    refresh_token: refreshToken,
    grant_type: 'refresh_token',
  });
}

/** Full OAuth dance; returns the token response body. */
export async function login(sim: StravaSim, scope = 'read,activity:read_all,profile:read_all'): Promise<{ access_token: string; refresh_token: string; expires_at: number; expires_in: number }> {
  const res = await exchange(sim, await codeFor(sim, scope));
  if (res.status !== 200) throw new Error(`token exchange failed: ${res.status}`);
  return res.body;
}
