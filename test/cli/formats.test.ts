import { describe, expect, it } from 'vitest';
import { escapeMarkup, renderStatus, statusJson, statusText, statusWaybar, waybarProblem, type StatusView } from '../../cli/formats';
import { composeDashboardState } from '../../core/view/dashboardState';
import { emptyCache, type CacheData } from '../../core/store/cache';
import { settingsDefaults } from '../../core/domain';
import { type Settings } from '../../core/store/settings';
import { emptyHistory, type HistoryData } from '../../core/history/historyData';
import { digestHistory } from '../../core/history/historyDigest';
import type { ActivityRecord, ConnectionView } from '../../core/domain';
import type { SyncInputs } from '../../core/view/dashboardState';
import type { ActivityStats, Athlete } from '../../core/strava/models';

// Wednesday 2024-06-12 12:00 UTC; the week starts Monday 2024-06-10.
const NOW = Date.UTC(2024, 5, 12, 12, 0, 0);
const HOUR = 3_600_000;

const totals = (distance: number, count = 1) => ({ count, distance, moving_time: distance / 3, elapsed_time: distance / 3, elevation_gain: 10 });

const stats: ActivityStats = {
  biggest_ride_distance: 100_000,
  biggest_climb_elevation_gain: 800,
  recent_run_totals: totals(80_100, 8),
  recent_ride_totals: totals(120_000, 3),
  recent_swim_totals: totals(3_000, 2),
  ytd_run_totals: totals(1_204_400, 120),
  ytd_ride_totals: totals(2_500_000, 40),
  ytd_swim_totals: totals(40_000, 20),
  all_run_totals: totals(9_000_000, 900),
  all_ride_totals: totals(20_000_000, 400),
  all_swim_totals: totals(100_000, 50),
};

const athlete: Athlete = {
  id: 7,
  firstname: 'Ada',
  lastname: 'Love & <Lace>',
  city: 'Bergen',
  state: '',
  country: 'Norway',
  profile: 'https://dgalywyr863hv.cloudfront.net/pictures/athletes/7/large.jpg',
  profile_medium: 'avatar/athlete/medium.png',
  measurement_preference: 'meters',
  weight: 61.5,
  bio: 'Runs before work',
  some_field: 'kept',
} as Athlete;

function activity(id: number, sportType: string, distance: number, startLocal: number): ActivityRecord {
  return { id, name: `Activity ${id}`, sportType, distance, movingTime: 1000, elapsedTime: 1100, elevationGain: 5, start: startLocal, startLocal, visibility: 'everyone' };
}

const ACTIVITIES = [
  activity(1, 'Run', 10_000, Date.UTC(2024, 5, 10, 7)),
  activity(2, 'TrailRun', 14_300, Date.UTC(2024, 5, 11, 7)),
  activity(3, 'Ride', 40_000, Date.UTC(2024, 5, 11, 17)),
  activity(4, 'Run', 5_000, Date.UTC(2024, 5, 9, 7)), // last week's Sunday
  activity(5, 'Walk', 3_000, Date.UTC(2024, 5, 11, 8)),
  activity(6, 'Run', 1_150_000, Date.UTC(2024, 1, 1, 7)), // a very long February
];

/** The history, complete; or counting, reaching back to `reach` (epoch seconds), without Only You. */
function history(options: { counting?: number; includesPrivate?: boolean } = {}): HistoryData {
  const data = emptyHistory(7);
  data.activities = ACTIVITIES;
  data.reads = { activities: true, private: options.includesPrivate ?? true };
  data.walks.backfill = { ...data.walks.backfill, startedAt: NOW - HOUR, completedAt: options.counting === undefined ? NOW - HOUR : null, before: options.counting ?? null };
  return data;
}

/** The view the CLI renders, composed as engine.viewState composes it; stale: a refresh just failed. */
function input(
  overrides: { settings?: Partial<Settings>; cache?: Partial<CacheData>; stale?: boolean; history?: HistoryData; sync?: Partial<SyncInputs>; connection?: ConnectionView; offset?: number } = {},
): StatusView {
  const cache: CacheData = {
    ...emptyCache(),
    athleteId: 7,
    athlete,
    stats,
    athleteFetchedAt: NOW - 2 * HOUR,
    statsFetchedAt: NOW - HOUR,
    activitiesFetchedAt: NOW - HOUR,
    ...overrides.cache,
  };
  const state = composeDashboardState({
    // Hourly refreshes: data fetched an hour ago is not stale by age.
    settings: { ...settingsDefaults, athleteId: 7, clientId: '1', refreshIntervalMinutes: 60, ...overrides.settings },
    cache,
    history: digestHistory(overrides.history ?? history()),
    connection: overrides.connection ?? { kind: 'connected' },
    missingScopes: [],
    sync: { refreshing: false, offline: false, rateLimitedUntil: null, lastError: overrides.stale ? 'Strava did not answer in time.' : null, ...overrides.sync },
    about: { version: '0.1.0', update: { kind: 'off' } },
    now: NOW,
    utcOffsetMinutes: 0,
  });
  if (!state.data || !cache.athlete) throw new Error('fixture has no data');
  return { state: { ...state, data: state.data }, athlete: cache.athlete, stats: cache.stats, now: NOW, utcOffsetMinutes: () => overrides.offset ?? 0 };
}

describe('text format', () => {
  it('one line for the primary sport: this week and YTD from the history', () => {
    expect(statusText(input())).toBe('Run · week 24.3 km · YTD 1,179 km');
    expect(statusText(input({ stale: true }))).toBe('Run · week 24.3 km · YTD 1,179 km (stale)');
    expect(statusText(input({ settings: { primarySport: 'ride' } }))).toBe('Ride · week 40.0 km · YTD 40.0 km');
    expect(statusText(input({ settings: { primarySport: 'walk' } }))).toBe('Walk & hike · week 3.0 km · YTD 3.0 km');
  });

  it('says so while counting (the year from Strava\'s public figure) and when Only You activities are left out', () => {
    const counting = input({ history: history({ counting: Math.floor((NOW - 20 * 86_400_000) / 1000) }) });
    expect(statusText(counting)).toBe('Run · week 24.3 km · YTD 1,204 km (public only) · counting 6 of ~1,400');
    expect(statusText(input({ history: history({ includesPrivate: false }) }))).toBe('Run · week 24.3 km · YTD 1,179 km · Only You not counted');
  });

  it('follows the units setting, else the athlete\'s Strava preference', () => {
    expect(statusText(input({ settings: { units: 'imperial' } }))).toBe('Run · week 15.1 mi · YTD 733 mi');
    const feet = input({ cache: { athlete: { ...athlete, measurement_preference: 'feet' } } });
    expect(statusText(feet)).toMatch(/ mi · YTD .* mi$/);
    expect(statusText(input({ cache: { athlete: { ...athlete, measurement_preference: 'feet' } }, settings: { units: 'metric' } }))).toMatch(/ km$/);
  });
});

describe('json format', () => {
  it('version 1: only the athlete fields a status bar shows, never the rest of Strava\'s record', () => {
    const body = statusJson(input());
    expect(body.version).toBe(1);
    expect(body.athlete).toEqual({
      id: 7,
      name: 'Ada Love & <Lace>',
      firstname: 'Ada',
      lastname: 'Love & <Lace>',
      city: 'Bergen',
      state: null,
      country: 'Norway',
      profile: 'https://dgalywyr863hv.cloudfront.net/pictures/athletes/7/large.jpg',
      // Strava's placeholder is a relative path, no image to show.
      profile_medium: null,
      measurement_preference: 'meters',
    });
    const printed = renderStatus('json', input());
    for (const personal of ['weight', 'bio', 'some_field', '61.5', 'Runs before work']) expect(printed).not.toContain(personal);
  });

  it('the stats as cached, this week per sport in metres and seconds (as before), and every family\'s totals', () => {
    const body = statusJson(input());
    expect(body.stats).toBe(stats);
    expect(body.this_week).toEqual({
      run: { count: 2, distance: 24_300, moving_time: 2000, elevation_gain: 10 },
      ride: { count: 1, distance: 40_000, moving_time: 1000, elevation_gain: 5 },
      swim: { count: 0, distance: 0, moving_time: 0, elevation_gain: 0 },
    });
    expect(body.updated_at).toBe(new Date(NOW - HOUR).toISOString());
    expect(body.stale).toBe(false);
    expect(body.stale_reason).toBeNull();
    expect(body.primary_sport).toBe('run');
    expect(Object.keys(body.totals)).toEqual(['run', 'ride', 'walk']);
    expect(body.totals.walk?.week).toEqual({ count: 1, distance: 3_000, moving_time: 1000, elevation_gain: 5, source: 'history' });
    expect(body.totals.run?.all_time.count).toBe(4);
    expect(body.records.run?.longest).toMatchObject({ id: 6, distance: 1_150_000, url: 'https://www.strava.com/activities/6' });
    expect(body.history).toEqual({ state: 'complete', counted: 6, estimated_total: 6, includes_private: true, reads_activities: true });
    const text = renderStatus('json', input({ stale: true }));
    expect(text).not.toMatch(/\n/);
    expect(JSON.parse(text).stale).toBe(true);
  });

  it('stats may be missing (never fetched): null, not a crash', () => {
    expect(statusJson(input({ cache: { stats: null } })).stats).toBeNull();
    expect(statusText(input({ cache: { stats: null }, history: history({ counting: Math.floor((NOW - 20 * 86_400_000) / 1000) }) }))).toBe('Run · week 24.3 km · YTD counting… · counting 6');
  });
});

describe('waybar format', () => {
  it('text, multi-line tooltip with week / 4 weeks / YTD per sport, and a class', () => {
    const out = statusWaybar(input());
    expect(Object.keys(out).sort()).toEqual(['class', 'text', 'tooltip']);
    expect(out.class).toBe('ok');
    expect(out.text).toBe('Run · week 24.3 km · YTD 1,179 km');
    const lines = out.tooltip.split('\n');
    expect(lines[0]).toBe('Ada Love &amp; &lt;Lace&gt;');
    expect(lines).toContain('Run: week 24.3 km · 4 weeks 29.3 km · YTD 1,179 km');
    expect(lines).toContain('Ride: week 40.0 km · 4 weeks 40.0 km · YTD 40.0 km');
    expect(lines).toContain('Walk &amp; hike: week 3.0 km · 4 weeks 3.0 km · YTD 3.0 km');
    expect(lines.at(-1)).toBe('Updated 1 h ago');
  });

  it('the tooltip says why the figures are stale, times in the user\'s zone', () => {
    const lastLines = (view: StatusView) => statusWaybar(view).tooltip.split('\n').slice(-2);
    expect(lastLines(input({ stale: true }))).toEqual(['Updated 1 h ago', 'Last refresh failed: Strava did not answer in time.']);
    expect(lastLines(input({ sync: { offline: true, lastError: "Can't reach Strava (host not found)." } }))).toEqual(['Updated 1 h ago', "Offline: Strava can&#39;t be reached"]);
    // Reset at 12:15 UTC: 14:15 in Oslo in summer, never "12:15" or an ISO time.
    const limited = input({ offset: 120, sync: { rateLimitedUntil: new Date(NOW + 15 * 60_000).toISOString(), lastError: "Strava's rate limit is reached; Pacebar will try again once it resets." } });
    expect(lastLines(limited)[1]).toBe('Strava&#39;s rate limit is reached until 14:15');
    expect(statusJson(limited).stale_reason).toEqual({ code: 'rate_limited', text: "Strava's rate limit is reached until 14:15" });
    // Nothing failed, the data is just old: fetched 3 h ago with hourly refreshes.
    const old = input({ cache: { athleteFetchedAt: NOW - 3 * HOUR, statsFetchedAt: NOW - 3 * HOUR, activitiesFetchedAt: NOW - 3 * HOUR } });
    expect(lastLines(old)).toEqual(['Updated 3 h ago', 'Older than 2 h']);
    expect(statusJson(old).stale_reason?.code).toBe('old');
  });

  it('reconnect needed with cached figures: the figures, class reconnect, and what to run', () => {
    const view = input({ connection: { kind: 'reconnect_needed' } });
    const out = statusWaybar(view);
    expect(out.text).toBe('Run · week 24.3 km · YTD 1,179 km');
    expect(out.class).toBe('reconnect');
    expect(out.tooltip.split('\n').at(-1)).toBe('Reconnect needed: Strava access was revoked or has expired. Run: pacebar login');
    expect(statusText(view)).toBe('Run · week 24.3 km · YTD 1,179 km (stale: reconnect needed)');
    expect(statusJson(view)).toMatchObject({ stale: true, stale_reason: { code: 'reconnect_needed' } });
  });

  it('an inactive application has class inactive, and the tooltip says so', () => {
    const out = statusWaybar(input({ stale: true, cache: { lastFailure: { code: 'app_inactive', message: 'x', at: NOW } } }));
    expect(out.class).toBe('inactive');
    expect(out.tooltip.split('\n').at(-1)).toBe('Strava API application inactive: subscription needed');
    expect(statusJson(input({ cache: { lastFailure: { code: 'app_inactive', message: 'x', at: NOW } } })).application_inactive).toBe(true);
    expect(statusJson(input()).application_inactive).toBe(false);
    expect(waybarProblem('inactive', 'm')).toEqual({ text: 'Strava: app inactive', tooltip: 'm', class: 'inactive' });
  });

  it('Garmin attribution in every format when a Garmin activity is among the figures', () => {
    const withGarmin = history();
    withGarmin.activities = [{ ...activity(1, 'Run', 10_000, Date.UTC(2024, 5, 10, 7)), garminDevice: 'Garmin Forerunner 965' }];
    const garmin = input({ history: withGarmin });
    expect(statusText(garmin)).toBe('Run · week 10.0 km · YTD 10.0 km · Garmin Forerunner 965');
    expect(statusJson(garmin).garmin_attribution).toBe('Garmin Forerunner 965');
    expect(statusWaybar(garmin).tooltip.split('\n')[1]).toBe('Garmin Forerunner 965');
    expect(statusJson(input()).garmin_attribution).toBeNull();
  });

  it('while counting, the tooltip says how far, and which figures are public only', () => {
    const lines = statusWaybar(input({ history: history({ counting: Math.floor((NOW - 20 * 86_400_000) / 1000), includesPrivate: false }) })).tooltip.split('\n');
    expect(lines).toContain('Run: week 24.3 km · 4 weeks 80.1 km (public only) · YTD 1,204 km (public only)');
    expect(lines).toContain('Counting your history: 6 of about 1,400 activities');
    expect(lines).toContain('Only You activities are not counted. Reconnect and tick &quot;View data about your private activities&quot;.');
  });

  it('stale data has class stale', () => {
    const out = statusWaybar(input({ stale: true }));
    expect(out.class).toBe('stale');
    expect(out.tooltip).toMatch(/\nUpdated 1 h ago\nLast refresh failed: Strava did not answer in time\.$/);
    expect(JSON.parse(renderStatus('waybar', input({ stale: true })))).toEqual(out);
  });

  it('problems keep the module visible with a class and the message as tooltip', () => {
    expect(waybarProblem('disconnected', 'Not connected. Run: pacebar login')).toEqual({
      text: 'Strava: not connected',
      tooltip: 'Not connected. Run: pacebar login',
      class: 'disconnected',
    });
    expect(waybarProblem('reconnect', 'x').class).toBe('reconnect');
    expect(waybarProblem('error', 'a <b> & c').tooltip).toBe('a &lt;b&gt; &amp; c');
  });

  it('escapes Pango markup', () => {
    expect(escapeMarkup(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
  });
});
