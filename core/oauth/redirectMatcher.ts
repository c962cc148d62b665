// Decides whether a URL is the OAuth redirect we registered and, if so, what it says.
// Shared by the consent window, the loopback listener and the CLI, so all three parse alike.
import { RedirectError } from '../errors';
import { parseScopes } from './scopes';

export type RedirectOutcome =
  | { kind: 'not_redirect' }
  | { kind: 'code'; code: string; scopes: string[] }
  | { kind: 'error'; error: RedirectError };

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : protocol === 'http:' ? '80' : '';
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** Exact match on scheme, host, port and path; userinfo never matches. */
export function isRegisteredRedirect(registered: URL, candidate: URL): boolean {
  return (
    candidate.protocol === registered.protocol &&
    candidate.hostname === registered.hostname &&
    (candidate.port || defaultPort(candidate.protocol)) === (registered.port || defaultPort(registered.protocol)) &&
    candidate.pathname === registered.pathname &&
    candidate.username === '' &&
    candidate.password === ''
  );
}

/** A parameter that appears more than once is ambiguous, so it counts as absent. */
function single(params: URLSearchParams, name: string): string | null {
  const values = params.getAll(name);
  return values.length === 1 ? (values[0] ?? null) : null;
}

export function matchRedirect(registeredRedirectUri: string, candidateUrl: string, expectedState: string): RedirectOutcome {
  const registered = new URL(registeredRedirectUri);
  const candidate = parseUrl(candidateUrl);
  if (!candidate || !isRegisteredRedirect(registered, candidate)) return { kind: 'not_redirect' };

  const params = candidate.searchParams;
  const state = single(params, 'state');
  if (!state || state !== expectedState) return { kind: 'error', error: new RedirectError('state_mismatch') };
  const error = params.get('error');
  if (error !== null) {
    return { kind: 'error', error: new RedirectError(error === 'access_denied' ? 'access_denied' : 'strava_error') };
  }
  const code = single(params, 'code');
  if (!code) return { kind: 'error', error: new RedirectError('missing_code') };
  return { kind: 'code', code, scopes: parseScopes(single(params, 'scope')) };
}
