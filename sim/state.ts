import { ActivityStore } from './activities';
import { ATHLETE_ID } from './athlete';
import { createFrozenClock, createRealTimeClock } from './clock';
import { RateLimiter } from './rateLimits';
import { TokenStore } from './tokens';
import type { SimClient, SimClock, SimOptions } from './types';

export const DEMO_CLIENT: SimClient = { clientId: '12345', clientSecret: 'demo-secret-0123456789abcdef' };

/** Everything the handlers share; one per running sim so parallel sims never interfere. */
export interface SimState {
  clock: SimClock;
  clients: SimClient[];
  tokens: TokenStore;
  activities: ActivityStore;
  limiter: RateLimiter;
  athleteId: number;
  /** Athlete's updated_at: fixed at start so responses stay stable. */
  createdAt: number;
  /** The developer program: inactive applications (owner without a subscription) and athlete capacity. */
  program: ProgramState;
}

export interface ProgramState {
  /** Client IDs whose application is inactive: every API call and token request answers 403. */
  inactiveClients: Set<string>;
  /** Athletes other than the simulated one already connected to each application (by client ID). */
  otherConnectedAthletes: Map<string, number>;
  /** Standard Tier: up to 10 connected athletes per application. */
  athleteLimit: number;
}

export function createState(options: SimOptions = {}): SimState {
  const start = options.now ?? Date.now();
  const clock = options.realTime ? createRealTimeClock(start) : createFrozenClock(start);
  return {
    clock,
    clients: options.clients ?? [DEMO_CLIENT],
    tokens: new TokenStore(clock, (options.accessTokenTtlSeconds ?? 21600) * 1000, (options.codeTtlSeconds ?? 600) * 1000),
    activities: new ActivityStore(options.seed ?? 20240611, start, 250, options.history),
    limiter: new RateLimiter(options.readLimits ?? [100, 1000], options.overallLimits ?? [200, 2000]),
    athleteId: ATHLETE_ID,
    createdAt: start,
    program: { inactiveClients: new Set(), otherConnectedAthletes: new Map(), athleteLimit: options.athleteLimit ?? 10 },
  };
}
