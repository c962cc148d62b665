// Strava's 2026 developer program, as the simulator models it: an application whose owner has no
// subscription is inactive (every API call and token request answers 403), and a Standard Tier
// application takes at most 10 connected athletes (over it, the authorize page itself is a 403).
import { renderAthleteLimitPage } from './consentPage';
import { type SimResponse, html, stravaError } from './http';
import type { SimState } from './state';

/** Strava's answer, as quoted in the announcement: 403 {"message":"Forbidden","errors":[{Application, Status, Inactive}]}. */
export function inactiveApplication(headers: Record<string, string> = {}): SimResponse {
  return stravaError(403, 'Forbidden', { resource: 'Application', field: 'Status', code: 'Inactive' }, headers);
}

export function isInactive(state: SimState, clientId: string): boolean {
  return state.program.inactiveClients.has(clientId);
}

/** A new athlete (no grant yet) over the application's capacity gets Strava's 403 page, not the form. */
export function athleteLimitPage(state: SimState, clientId: string): SimResponse | undefined {
  const others = state.program.otherConnectedAthletes.get(clientId) ?? 0;
  if (others < state.program.athleteLimit || state.tokens.hasGrant(state.athleteId, clientId)) return undefined;
  return html(403, renderAthleteLimitPage());
}

export function setInactive(state: SimState, inactive: boolean, clientId?: string): void {
  for (const id of clientId === undefined ? state.clients.map((c) => c.clientId) : [clientId]) {
    if (inactive) state.program.inactiveClients.add(id);
    else state.program.inactiveClients.delete(id);
  }
}

export function setOtherConnectedAthletes(state: SimState, count: number, clientId?: string): void {
  if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`connected athletes must be a whole number >= 0, got ${count}`);
  for (const id of clientId === undefined ? state.clients.map((c) => c.clientId) : [clientId]) state.program.otherConnectedAthletes.set(id, count);
}
