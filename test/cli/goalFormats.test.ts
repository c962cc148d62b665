import { describe, expect, it } from 'vitest';
import { GOAL_WAYBAR_CLASS, NO_GOALS_HINT, goalsJson, goalsText, goalsWaybar, renderGoals, renderNoGoals, type GoalsView } from '../../cli/goalFormats';
import { GOAL_STATUSES, settingsDefaults, type ActivityRecord, type Goal } from '../../core/domain';
import { emptyHistory } from '../../core/history/historyData';
import { digestHistory } from '../../core/history/historyDigest';
import { emptyCache } from '../../core/store/cache';
import type { Athlete } from '../../core/strava/models';
import { composeDashboardState } from '../../core/view/dashboardState';

// Wednesday 2024-06-12 12:00 UTC: the week (Monday 10 to Sunday 16 June) is 2.5 days old.
const NOW = Date.UTC(2024, 5, 12, 12, 0, 0);
const HOUR = 3_600_000;

function activity(id: number, sportType: string, distance: number, startLocal: number): ActivityRecord {
  return { id, name: `Activity ${id}`, sportType, distance, movingTime: 3600, elapsedTime: 3700, elevationGain: 50, start: startLocal, startLocal, visibility: 'everyone' };
}

const ACTIVITIES = [
  activity(1, 'Run', 10_000, Date.UTC(2024, 5, 10, 7)),
  activity(2, 'TrailRun', 14_300, Date.UTC(2024, 5, 11, 7)),
  activity(3, 'Ride', 40_000, Date.UTC(2024, 5, 11, 17)),
  activity(4, 'Run', 5_000, Date.UTC(2024, 5, 9, 7)), // last week's Sunday
  activity(5, 'Walk', 3_000, Date.UTC(2024, 5, 11, 8)),
  activity(6, 'Run', 1_150_000, Date.UTC(2024, 1, 1, 7)),
];

const GOALS: Goal[] = [
  { id: 1, sport: 'run', period: 'week', measure: 'distance', target: 30_000 },
  { id: 2, sport: 'ride', period: 'week', measure: 'distance', target: 150_000 },
  { id: 4, sport: 'walk', period: 'month', measure: 'count', target: 2 },
  { id: 7, sport: 'run', period: 'year', measure: 'distance', target: 1_000_000 },
];

function view(options: { goals?: Goal[]; stale?: boolean; units?: 'metric' | 'imperial' } = {}): GoalsView {
  const history = emptyHistory(7);
  history.activities = ACTIVITIES;
  history.reads = { activities: true, private: true };
  history.walks.backfill = { ...history.walks.backfill, startedAt: NOW - HOUR, completedAt: NOW - HOUR, before: null };
  const state = composeDashboardState({
    settings: { ...settingsDefaults, athleteId: 7, clientId: '1', refreshIntervalMinutes: 60, goals: options.goals ?? GOALS, units: options.units ?? null },
    cache: { ...emptyCache(), athleteId: 7, athlete: { id: 7, firstname: 'Ada', lastname: 'L', measurement_preference: 'meters' } as Athlete, athleteFetchedAt: NOW - HOUR, activitiesFetchedAt: NOW - HOUR, statsFetchedAt: NOW - HOUR },
    history: digestHistory(history),
    connection: { kind: 'connected' },
    missingScopes: [],
    sync: { refreshing: false, offline: false, rateLimitedUntil: null, lastError: options.stale ? 'Strava did not answer in time.' : null },
    about: { version: '0.1.0', update: { kind: 'off' } },
    now: NOW,
    utcOffsetMinutes: 0,
  });
  if (!state.data) throw new Error('fixture has no data');
  return { state: { ...state, data: state.data }, now: NOW };
}

describe('pacebar goals: text', () => {
  it('one line per goal: its id, then the sentence every surface shows', () => {
    const v = view();
    const lines = goalsText(v).split('\n');
    expect(lines).toEqual(v.state.goals.map((goal) => `#${goal.goal.id} ${goal.text.line}`));
    expect(lines.map((line) => line.split(' ')[0])).toEqual(['#1', '#2', '#4', '#7']);
    // The figures come from this week's runs (10 + 14.3 km) against 30 km, 2.5 days into the week.
    expect(lines[0]).toMatch(/^#1 Run this week: 24\.3 \/ 30\.0 km · ahead by 13\.6 km · 1\.1 km a day to go$/);
    expect(lines[1]).toMatch(/^#2 Ride this week: 40\.0 \/ 150 km · behind by /);
    expect(lines[3]).toMatch(/^#7 Run this year: .* · reached$/);
  });

  it('a stale last line says how old the figures are', () => {
    const lines = goalsText(view({ stale: true })).split('\n');
    expect(lines).toHaveLength(GOALS.length + 1);
    expect(lines.at(-1)).toBe('Updated 1 h ago (stale)');
  });

  it('without goals: one line on how to add one', () => {
    expect(renderGoals('text', view({ goals: [] }))).toBe(NO_GOALS_HINT);
    expect(NO_GOALS_HINT).toMatch(/pacebar goals add --sport \w+ --period week --distance \d+km$/);
  });
});

describe('pacebar goals: json', () => {
  it('version 1: each goal in Strava units with its status, pace and text, in the settings order', () => {
    const v = view();
    const body = goalsJson(v);
    expect(body).toMatchObject({ version: 1, units: 'metric', updated_at: new Date(NOW - HOUR).toISOString(), stale: false });
    expect(body.goals.map((goal) => goal.id)).toEqual([1, 2, 4, 7]);
    expect(body.goals[0]).toEqual({
      id: 1,
      sport: 'run',
      period: 'week',
      measure: 'distance',
      target: 30_000,
      done: 24_300,
      status: 'ahead',
      fraction: 24_300 / 30_000,
      elapsed: 2.5 / 7,
      delta: 24_300 - 30_000 * (2.5 / 7),
      days_left: 5,
      per_day: 5_700 / 5,
      per_week: 5_700,
      period_key: '2024-W24',
      starts_on: '2024-06-10',
      ends_on: '2024-06-16',
      text: v.state.goals[0]!.text,
    });
    body.goals.forEach((goal, index) => {
      const shown = v.state.goals[index]!;
      expect(goal).toMatchObject({ done: shown.done, status: shown.status, per_day: shown.perDay, per_week: shown.perWeek, text: shown.text });
    });
    expect(body.goals[2]).toMatchObject({ measure: 'count', target: 2, done: 1, period_key: '2024-06' });
    expect(body.goals[3]).toMatchObject({ status: 'reached', per_day: null, per_week: null, text: { needed: null } });
  });

  it('imperial text, the numbers still metres', () => {
    const body = goalsJson(view({ units: 'imperial' }));
    expect(body.units).toBe('imperial');
    expect(body.goals[0]).toMatchObject({ target: 30_000, done: 24_300, text: { progress: expect.stringMatching(/ mi$/) } });
  });

  it('without goals: the same shape, empty', () => {
    expect(JSON.parse(renderNoGoals('json', 'metric'))).toEqual({ version: 1, units: 'metric', updated_at: null, stale: false, goals: [] });
  });
});

describe('pacebar goals: waybar', () => {
  it("the primary goal's short text, every goal in the tooltip (Pango-escaped), its status as class", () => {
    const v = view();
    const output = goalsWaybar(v);
    expect(output.text).toBe(v.state.goals[0]!.text.short);
    expect(output.text).toBe('24/30 km');
    expect(output.class).toBe('ahead');
    const tooltip = output.tooltip.split('\n');
    expect(tooltip.slice(0, GOALS.length)).toEqual(v.state.goals.map((goal) => goal.text.line.replace(/&/g, '&amp;')));
    expect(output.tooltip).toContain('Walk &amp; hike this month');
    expect(output.tooltip).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
    expect(tooltip.at(-1)).toBe('Updated 1 h ago');
  });

  it('classes for every status; the first goal decides', () => {
    expect(Object.keys(GOAL_WAYBAR_CLASS).sort()).toEqual([...GOAL_STATUSES].sort());
    expect(GOAL_WAYBAR_CLASS.on_pace).toBe('on-pace');
    expect(goalsWaybar(view({ goals: [GOALS[1]!, GOALS[0]!] })).class).toBe('behind');
    expect(goalsWaybar(view({ goals: [GOALS[3]!] })).class).toBe('reached');
  });

  it('stale: the tooltip says why', () => {
    const tooltip = goalsWaybar(view({ stale: true })).tooltip.split('\n');
    expect(tooltip.slice(-2)).toEqual(['Updated 1 h ago (stale)', 'Strava did not answer in time.']);
  });

  it('without goals: a visible module saying how to add one', () => {
    expect(JSON.parse(renderNoGoals('waybar', 'metric'))).toEqual({ text: 'No goal', tooltip: NO_GOALS_HINT, class: 'none' });
  });
});
