import type { AddressInfo } from 'node:net';
import { actAsAthlete } from './consentClient';
import { FaultQueue, matchesFilter, type RequestFilter } from './faults';
import { setInactive, setOtherConnectedAthletes } from './program';
import { createSimServer } from './server';
import { DEMO_CLIENT, createState } from './state';
import type { RecordedRequest, SimOptions, StravaSim } from './types';

export type { FaultAction, FaultRule, HistoryShape, RecordedRequest, SimActivity, SimClient, SimClock, SimOptions, SimVisibility, StravaSim } from './types';
export { DEMO_CLIENT };

/** Starts a Strava look-alike on 127.0.0.1 with its own clock, tokens, activities and rate limits. */
export async function startStravaSim(options: SimOptions = {}): Promise<StravaSim> {
  const state = createState(options);
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const waiting: { filter: RequestFilter; resolve: (record: RecordedRequest) => void }[] = [];
  const { server, shutdown } = createSimServer(state, faults, requests, (record) => {
    for (const waiter of [...waiting]) {
      if (!matchesFilter(waiter.filter, record.method, record.path)) continue;
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(record);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    clock: state.clock,
    requests,
    clearRequests: () => {
      requests.length = 0; // in place, so callers holding `sim.requests` see the reset
    },
    count: (filter = {}) => requests.filter((r) => matchesFilter(filter, r.method, r.path)).length,
    handled: (filter = {}) => new Promise<RecordedRequest>((resolve) => waiting.push({ filter, resolve })),
    inject: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    consent: (authorizeUrl, choice) => actAsAthlete(authorizeUrl, choice),
    revokeAthleteAccess: () => state.tokens.revokeAthlete(state.athleteId),
    isLiveRefreshToken: (token) => state.tokens.isLiveRefresh(token),
    setApplicationInactive: (inactive, clientId) => setInactive(state, inactive, clientId),
    setOtherConnectedAthletes: (count, clientId) => setOtherConnectedAthletes(state, count, clientId),
    expireAccessTokens: () => state.tokens.expireAccessTokens(),
    addActivity: (a) => state.activities.add({ ...a, start: a.start ?? state.clock.now() }),
    editActivity: (id, patch) => state.activities.edit(id, patch),
    deleteActivity: (id) => state.activities.delete(id),
    activities: () => state.activities.all,
    timeZone: state.activities.timeZone,
    athleteId: state.athleteId,
    issuedSecrets: () => [...state.tokens.issuedTokens(), ...state.clients.map((c) => c.clientSecret)],
    close: () => (closing ??= shutdown()),
  };
}
