import { summaryAthlete } from './athlete';
import { renderConsentPage, renderErrorPage } from './consentPage';
import { type SimRequest, type SimResponse, bearerToken, html, json, notFound, params, stravaError } from './http';
import { athleteLimitPage, inactiveApplication, isInactive } from './program';
import { parseScopes } from './scopes';
import type { SimState } from './state';

const badRequest = (resource: string, field: string, code: string) =>
  stravaError(400, 'Bad Request', { resource, field, code });

/** Only loopback redirects: Pacebar is a desktop app catching the code on a local port. */
function validRedirect(raw: string | undefined): boolean {
  if (!raw) return false;
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
  } catch {
    return false;
  }
}

/** Shared by the consent page and its form target: both must reject what Strava rejects. */
function checkAuthorizeParams(state: SimState, p: Record<string, string>): string | undefined {
  if (!state.clients.some((c) => c.clientId === p.client_id)) return 'invalid client_id';
  if (!validRedirect(p.redirect_uri)) return 'invalid redirect_uri';
  if (!parseScopes(p.scope)) return 'invalid scope';
  return undefined;
}

function authorize(req: SimRequest, state: SimState): SimResponse {
  const p = Object.fromEntries(req.url.searchParams);
  const problem = checkAuthorizeParams(state, p) ?? (p.response_type === 'code' ? undefined : 'invalid response_type');
  if (problem) return html(400, renderErrorPage(problem));
  const overLimit = athleteLimitPage(state, p.client_id ?? '');
  if (overLimit) return overLimit;
  // approval_prompt=auto would skip the page for a returning user on Strava; the sim always asks,
  // so tests and the demo drive the same path every time.
  const athlete = summaryAthlete(state.createdAt);
  return html(
    200,
    renderConsentPage({
      clientId: p.client_id ?? '',
      redirectUri: p.redirect_uri ?? '',
      scopes: parseScopes(p.scope) ?? ['read'],
      state: p.state ?? '',
      athleteName: `${String(athlete.firstname)} ${String(athlete.lastname)}`,
    }),
  );
}

function redirectWith(redirectUri: string, query: [string, string][]): SimResponse {
  // Built by hand so the scope list keeps its literal commas and colons, like Strava's redirects.
  const encoded = query.map(([k, v]) => `${k}=${k === 'scope' ? v : encodeURIComponent(v)}`).join('&');
  const location = `${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${encoded}`;
  return { status: 302, headers: { Location: location, 'Content-Type': 'text/html; charset=utf-8' }, body: '' };
}

function acceptApplication(req: SimRequest, state: SimState): SimResponse {
  const p = params(req);
  const problem = checkAuthorizeParams(state, p);
  if (problem) return html(400, renderErrorPage(problem));
  const redirectUri = p.redirect_uri ?? '';
  const stateParam = p.state ?? '';
  if (p.decision !== 'authorize') return redirectWith(redirectUri, [['state', stateParam], ['error', 'access_denied']]);
  const requested = parseScopes(p.scope) ?? ['read'];
  const granted = requested.filter((s) => s === 'read' || p[`scope_${s}`] !== undefined);
  const code = state.tokens.issueCode({ athleteId: state.athleteId, clientId: p.client_id ?? '', scopes: granted });
  return redirectWith(redirectUri, [['state', stateParam], ['code', code], ['scope', granted.join(',')]]);
}

function token(req: SimRequest, state: SimState): SimResponse {
  const p = params(req);
  if (!p.client_id) return badRequest('Application', 'client_id', 'missing');
  const client = state.clients.find((c) => c.clientId === p.client_id);
  if (!client) return badRequest('Application', 'client_id', 'invalid');
  if (!p.client_secret) return badRequest('Application', 'client_secret', 'missing');
  // Strava answers a wrong secret with 401 but still says "Bad Request".
  if (p.client_secret !== client.clientSecret) {
    return stravaError(401, 'Bad Request', { resource: 'Application', field: 'client_secret', code: 'invalid' });
  }
  if (isInactive(state, client.clientId)) return inactiveApplication();
  if (p.grant_type === 'authorization_code') {
    if (!p.code) return badRequest('AuthorizationCode', 'code', 'missing');
    const grant = state.tokens.redeemCode(p.code, client.clientId);
    if (!grant) return badRequest('AuthorizationCode', 'code', 'invalid');
    const set = state.tokens.issueTokens(grant);
    return json(200, {
      token_type: 'Bearer',
      expires_at: set.expires_at,
      expires_in: set.expires_in,
      refresh_token: set.refresh_token,
      access_token: set.access_token,
      athlete: summaryAthlete(state.createdAt),
    });
  }
  if (p.grant_type === 'refresh_token') {
    if (!p.refresh_token) return badRequest('RefreshToken', 'refresh_token', 'missing');
    const set = state.tokens.refreshTokens(p.refresh_token, client.clientId);
    if (!set) return badRequest('RefreshToken', 'refresh_token', 'invalid');
    return json(200, { token_type: 'Bearer', ...set });
  }
  return badRequest('Application', 'grant_type', p.grant_type ? 'invalid' : 'missing');
}

function deauthorize(req: SimRequest, state: SimState): SimResponse {
  const accessToken = params(req).access_token ?? bearerToken(req);
  const grant = state.tokens.validAccess(accessToken);
  if (!grant) {
    return stravaError(401, 'Authorization Error', { resource: 'Athlete', field: 'access_token', code: 'invalid' });
  }
  state.tokens.revokeAthlete(grant.athleteId);
  return json(200, { access_token: grant.token });
}

/** HTTP Basic client authentication (RFC 6749 §2.3.1: each part form-urlencoded, then base64). */
function basicClient(req: SimRequest): { clientId: string; clientSecret: string } | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return { clientId: decodeURIComponent(decoded.slice(0, colon)), clientSecret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

/**
 * oauth/revoke (replaces oauth/deauthorize): Basic client auth, `token` = an access or refresh token,
 * optional `token_type_hint`. Revoking one revokes the other. As RFC 7009 §2.2, a token that is
 * already invalid is answered 200 too: there is nothing left to revoke.
 */
function revoke(req: SimRequest, state: SimState): SimResponse {
  const auth = basicClient(req);
  const client = auth && state.clients.find((c) => c.clientId === auth.clientId);
  if (!auth || !client || client.clientSecret !== auth.clientSecret) {
    return stravaError(401, 'Authorization Error', { resource: 'Application', field: 'client_credentials', code: 'invalid' });
  }
  const p = params(req);
  if (!p.token) return badRequest('Token', 'token', 'missing');
  const hint = p.token_type_hint;
  if (hint !== undefined && hint !== 'access_token' && hint !== 'refresh_token') return badRequest('Token', 'token_type_hint', 'invalid');
  state.tokens.revokeToken(p.token, client.clientId);
  return json(200, {});
}

export function handleOAuth(req: SimRequest, state: SimState): SimResponse {
  const route = `${req.method} ${req.url.pathname}`;
  switch (route) {
    case 'GET /oauth/authorize':
      return authorize(req, state);
    case 'POST /oauth/accept_application':
      return acceptApplication(req, state);
    case 'POST /oauth/token':
      return token(req, state);
    case 'POST /oauth/deauthorize':
      return deauthorize(req, state);
    case 'POST /oauth/revoke':
      return revoke(req, state);
    default:
      return notFound();
  }
}
