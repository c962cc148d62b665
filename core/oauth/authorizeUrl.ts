// Builds Strava's consent-page URL with a fresh, unguessable state per attempt.
import { randomBytes } from 'node:crypto';
import { DEFAULT_SCOPES } from './scopes';

export interface AuthorizeRequest {
  authorizeEndpoint: string;
  clientId: string;
  redirectUri: string;
  scopes?: readonly string[];
  /** 'force' shows the consent page even when already authorised, so unticked boxes can be ticked. */
  approvalPrompt?: 'auto' | 'force';
  state?: string;
}

export function newState(): string {
  return randomBytes(24).toString('base64url');
}

export function buildAuthorizeUrl(request: AuthorizeRequest): { url: string; state: string } {
  const state = request.state ?? newState();
  const url = new URL(request.authorizeEndpoint);
  url.searchParams.set('client_id', request.clientId);
  url.searchParams.set('redirect_uri', request.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('approval_prompt', request.approvalPrompt ?? 'auto');
  url.searchParams.set('scope', (request.scopes ?? DEFAULT_SCOPES).join(','));
  url.searchParams.set('state', state);
  return { url: url.toString(), state };
}
