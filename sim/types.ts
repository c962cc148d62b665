// Public types of the simulator. Other code (app tests, benchmarks, demo) is written against these,
// so changes here are API changes.
import type { HistoryShape, SimActivity, SimVisibility } from './activities';

export type { HistoryShape, SimActivity, SimVisibility } from './activities';

export interface SimClient {
  clientId: string;
  clientSecret: string;
}

export interface SimOptions {
  port?: number;
  clients?: SimClient[];
  now?: number;
  accessTokenTtlSeconds?: number;
  codeTtlSeconds?: number;
  readLimits?: [number, number];
  overallLimits?: [number, number];
  seed?: number;
  /** Connected athletes an application may have (Strava's Standard Tier: 10). */
  athleteLimit?: number;
  /** A long history instead of the default year: thousands of activities, every sport type, three visibilities. */
  history?: HistoryShape;
  /** When true the sim clock also moves with real time (the standalone runner uses it so a long demo
   *  sees tokens expire and rate-limit windows reset). Default false: time moves only when told. */
  realTime?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** 0 while unanswered, and for requests that never got a status line (hang, drop). */
  status: number;
  at: number;
  /** The Authorization header as sent (the only place a token may travel), or undefined. */
  authorization?: string;
  /** The request body as sent ('' for none). */
  body: string;
}

export type FaultAction =
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'delay'; ms: number }
  /** Answers normally once `until` settles: a test decides when, without waiting for time to pass. */
  | { kind: 'hold'; until: PromiseLike<unknown> }
  | { kind: 'hang' }
  | { kind: 'malformed-json' }
  | { kind: 'truncated-json' }
  | { kind: 'wrong-shape' }
  | { kind: 'drop' }
  | { kind: 'drop-mid-body' }
  /**
   * Handled at once (a refresh rotates the token now), answered `ms` later: network latency. As a
   * function of the answer's status it can hold back only some answers (the winning 200, not the
   * loser's refusal: the worst case of ordinary jitter).
   */
  | { kind: 'latency'; ms: number | ((status: number) => number) }
  /** The normal answer's headers, then its body one byte every `intervalMs`: never a long gap, never done. */
  | { kind: 'drip'; intervalMs: number }
  /** The normal answer with these headers set (a `Date` far in the future, usage at the limit). */
  | { kind: 'headers'; headers: Record<string, string> }
  /**
   * Holds each matching request until `count` of them have arrived, then answers them all at once:
   * many clients hitting Strava at the same instant (pollers waking with the laptop).
   */
  | { kind: 'gather'; count: number }
  /** The normal JSON answer with `patch` merged in, objects recursively (another athlete id). */
  | { kind: 'patch-json'; patch: Record<string, unknown> };

export interface FaultRule {
  method?: string;
  path?: string | RegExp;
  times?: number;
  action: FaultAction;
}

export interface SimClock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
}

export interface StravaSim {
  baseUrl: string;
  clock: SimClock;
  requests: RecordedRequest[];
  clearRequests(): void;
  count(filter?: { method?: string; path?: string | RegExp }): number;
  /**
   * Resolves with the next matching request once the sim has acted on it: answered it, or held its
   * answer back (delay, hang) or dropped it. Ask before the request is sent; lets a test wait for the
   * request itself instead of for time to pass.
   */
  handled(filter?: { method?: string; path?: string | RegExp }): Promise<RecordedRequest>;
  inject(rule: FaultRule): void;
  clearFaults(): void;
  consent(authorizeUrl: string, choice?: { deny?: boolean; uncheck?: string[] }): Promise<string>;
  revokeAthleteAccess(): void;
  /** Whether Strava would still rotate this refresh token (it is the live one of its grant). */
  isLiveRefreshToken(token: string): boolean;
  /**
   * The developer program's subscription rule: while inactive, every API call and token request of
   * the application (all of them when clientId is left out) answers 403 "Application Status Inactive".
   */
  setApplicationInactive(inactive: boolean, clientId?: string): void;
  /** How many other athletes are connected to the application; at the limit Strava's authorize page is a 403. */
  setOtherConnectedAthletes(count: number, clientId?: string): void;
  expireAccessTokens(): void;
  addActivity(a: {
    sport_type: string;
    distance: number;
    moving_time: number;
    total_elevation_gain?: number;
    start?: number;
    private?: boolean;
    /** e.g. "garmin_push_123": an activity Garmin Connect uploaded. */
    external_id?: string;
    visibility?: SimVisibility;
  }): number;
  /** Edits an activity (Strava announces no edits in the list). */
  editActivity(id: number, patch: Partial<Pick<SimActivity, 'name' | 'sport_type' | 'distance' | 'moving_time' | 'total_elevation_gain' | 'start' | 'visibility'>>): void;
  deleteActivity(id: number): void;
  /** The simulator's own records: the ground truth tests compare every figure with. */
  activities(): readonly SimActivity[];
  /** The athlete's home zone (IANA). */
  timeZone: string;
  athleteId: number;
  issuedSecrets(): string[];
  close(): Promise<void>;
}
