import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, newState } from '../../../core/oauth/authorizeUrl';
import { DEFAULT_SCOPES } from '../../../core/oauth/scopes';

const base = {
  authorizeEndpoint: 'https://www.strava.com/oauth/authorize',
  clientId: '12345',
  redirectUri: 'http://127.0.0.1:54321/callback',
};

describe('buildAuthorizeUrl', () => {
  it('sets every OAuth parameter Strava needs', () => {
    const { url, state } = buildAuthorizeUrl(base);
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe('https://www.strava.com/oauth/authorize');
    const params = parsed.searchParams;
    expect(params.get('client_id')).toBe('12345');
    expect(params.get('redirect_uri')).toBe('http://127.0.0.1:54321/callback');
    expect(params.get('response_type')).toBe('code');
    expect(params.get('approval_prompt')).toBe('auto');
    expect(params.get('scope')).toBe('read,activity:read,activity:read_all,profile:read_all');
    expect(params.get('scope')).toBe(DEFAULT_SCOPES.join(','));
    expect(params.get('state')).toBe(state);
    // Each parameter exactly once.
    for (const name of ['client_id', 'redirect_uri', 'response_type', 'approval_prompt', 'scope', 'state']) {
      expect(params.getAll(name)).toHaveLength(1);
    }
  });

  it('honours approvalPrompt force, custom scopes and a given state', () => {
    const { url, state } = buildAuthorizeUrl({ ...base, approvalPrompt: 'force', scopes: ['read', 'activity:read'], state: 'given-state' });
    const params = new URL(url).searchParams;
    expect(params.get('approval_prompt')).toBe('force');
    expect(params.get('scope')).toBe('read,activity:read');
    expect(state).toBe('given-state');
    expect(params.get('state')).toBe('given-state');
  });

  it('keeps an existing query on the endpoint and replaces nothing else', () => {
    const { url } = buildAuthorizeUrl({ ...base, authorizeEndpoint: 'http://127.0.0.1:9000/sim/oauth/authorize?mobile=1' });
    const parsed = new URL(url);
    expect(parsed.host).toBe('127.0.0.1:9000');
    expect(parsed.pathname).toBe('/sim/oauth/authorize');
    expect(parsed.searchParams.get('mobile')).toBe('1');
    expect(parsed.searchParams.get('client_id')).toBe('12345');
  });

  it('encodes the redirect URI so it round-trips exactly', () => {
    const redirectUri = 'http://127.0.0.1:54321/callback?x=a&b=c d';
    const { url } = buildAuthorizeUrl({ ...base, redirectUri });
    expect(new URL(url).searchParams.get('redirect_uri')).toBe(redirectUri);
    expect(url).not.toContain('&b=c');
  });

  it('makes a fresh, unguessable state for every attempt', () => {
    const states = Array.from({ length: 200 }, () => buildAuthorizeUrl(base).state);
    expect(new Set(states).size).toBe(200);
    for (const state of states) {
      expect(state.length).toBeGreaterThanOrEqual(32);
      expect(state).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });

  it('newState is ≥ 32 base64url characters (≥ 24 random bytes) and never repeats', () => {
    const states = Array.from({ length: 1000 }, () => newState());
    expect(new Set(states).size).toBe(1000);
    for (const state of states) {
      expect(state).toMatch(/^[A-Za-z0-9_-]{32,}$/);
      expect(Buffer.from(state, 'base64url').length).toBeGreaterThanOrEqual(24);
    }
  });
});
