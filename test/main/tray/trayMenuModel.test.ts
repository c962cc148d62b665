import { describe, expect, it } from 'vitest';
import { KeychainUnavailableError } from '../../../core/errors';
import { trayMenuModel, TOOLTIP_MAX, type TrayItem } from '../../../main/tray/trayMenuModel';
import { NOW, baseState, connectedState, withUpdate } from '../fakes/state';
import { RIDE_WEEK, RUN_MONTH, activity, goalView, withGoals, withRecent } from '../fakes/goals';

const labels = (items: TrayItem[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label);
const item = (items: TrayItem[], id: TrayItem['id']) => items.find((i) => i.id === id);
const statuses = (items: TrayItem[]) => items.filter((i) => i.id === 'status').map((i) => i.label);

describe('trayMenuModel', () => {
  it('connected with data: athlete, primary sport week and YTD, updated, actions', () => {
    const model = trayMenuModel(connectedState(), NOW);
    expect(labels(model.items)).toEqual([
      'Marianne Vos',
      'Run · week 24.3 km · YTD 1,204 km',
      'Updated 3 min ago',
      'Open dashboard',
      'Refresh now',
      'Disconnect',
      'Settings…',
      'Quit Pacebar',
    ]);
    expect(model.tooltip).toBe('Pacebar · Marianne Vos\nRun · week 24.3 km · YTD 1,204 km');
    // Information lines are not clickable; actions are.
    for (const id of ['athlete', 'summary', 'updated'] as const) expect(item(model.items, id)?.enabled).toBe(false);
    for (const id of ['open', 'refresh', 'disconnect', 'settings', 'quit'] as const) expect(item(model.items, id)?.enabled).toBe(true);
    expect(item(model.items, 'connect')).toBeUndefined();
    expect(model.items.filter((i) => i.type === 'separator')).toHaveLength(2);
  });

  it('follows the primary sport and the units setting', () => {
    const base = connectedState();
    const ride = trayMenuModel({ ...base, settings: { ...base.settings, primarySport: 'ride', units: 'imperial' } }, NOW);
    expect(item(ride.items, 'summary')?.label).toBe('Ride · week 93.8 mi · YTD 5,447 mi');
    const swim = trayMenuModel({ ...base, settings: { ...base.settings, primarySport: 'swim' } }, NOW);
    // Swims read in metres (or yards), as swimmers count them.
    expect(item(swim.items, 'summary')?.label).toBe('Swim · week 2,500 m · YTD 61,000 m');
    const yards = trayMenuModel({ ...base, settings: { ...base.settings, primarySport: 'swim', units: 'imperial' } }, NOW);
    expect(item(yards.items, 'summary')?.label).toBe('Swim · week 2,734 yd · YTD 66,710 yd');
  });

  it('while the history is counted: one line for how far, and which figures are public only', () => {
    const base = connectedState();
    const stats = base.data!.stats;
    const counting = {
      ...base,
      data: {
        ...base.data!,
        stats: {
          ...stats,
          history: { ...stats.history, state: 'counting' as const, counted: 1_800, estimatedTotal: 4_100, includesPrivate: false },
          families: { ...stats.families, run: { ...stats.families.run, sources: { ...stats.families.run.sources, ytd: 'public_stats' as const } } },
        },
      },
    };
    const labels = trayMenuModel(counting, NOW).items.map((i) => i.label);
    expect(labels).toContain('Run · week 24.3 km · YTD 1,204 km (public only)');
    expect(labels).toContain('Counting your history: 1,800 of about 4,100 activities');
    expect(labels).toContain('Only You activities are not counted. Reconnect and tick "View data about your private activities".');
  });

  it('"Updated just now" and hours', () => {
    const base = connectedState();
    const fresh = trayMenuModel({ ...base, data: { ...base.data!, updatedAt: new Date(NOW - 10_000).toISOString() } }, NOW);
    expect(item(fresh.items, 'updated')?.label).toBe('Updated just now');
    const old = trayMenuModel({ ...base, data: { ...base.data!, updatedAt: new Date(NOW - 3 * 3_600_000).toISOString() } }, NOW);
    expect(item(old.items, 'updated')?.label).toBe('Updated 3 h ago');
  });

  it('refreshing: status line and Refresh now disabled', () => {
    const base = connectedState();
    const model = trayMenuModel({ ...base, sync: { ...base.sync, refreshing: true } }, NOW);
    expect(statuses(model.items)).toEqual(['Refreshing…']);
    expect(item(model.items, 'refresh')?.enabled).toBe(false);
  });

  it('offline, stale, rate limited and missing scopes each explain themselves', () => {
    const base = connectedState();
    const offline = trayMenuModel({ ...base, data: { ...base.data!, stale: true }, sync: { ...base.sync, offline: true, lastError: 'x' } }, NOW);
    expect(statuses(offline.items)).toEqual(['Offline: showing saved data']);
    expect(offline.tooltip).toContain('Offline: showing saved data');
    expect(item(offline.items, 'refresh')?.enabled).toBe(true);

    const stale = trayMenuModel({ ...base, data: { ...base.data!, stale: true } }, NOW);
    expect(statuses(stale.items)).toEqual(['Data may be out of date']);

    const limited = trayMenuModel({ ...base, sync: { ...base.sync, rateLimitedUntil: new Date(NOW + 12 * 60_000).toISOString() } }, NOW);
    expect(statuses(limited.items)).toEqual(['Strava rate limit reached: retrying in 12 min']);
    // A reset in the past no longer counts.
    const over = trayMenuModel({ ...base, sync: { ...base.sync, rateLimitedUntil: new Date(NOW - 1000).toISOString() } }, NOW);
    expect(statuses(over.items)).toEqual([]);

    const scopes = trayMenuModel({ ...base, missingScopes: [{ scope: 'activity:read_all', consequence: 'No activities.' }] }, NOW);
    expect(statuses(scopes.items)).toEqual(['Missing permissions: reconnect to grant them']);
  });

  it('Garmin attribution: a line under the summary, and in the tooltip', () => {
    const base = connectedState();
    const model = trayMenuModel({ ...base, data: { ...base.data!, garminAttribution: 'Garmin Forerunner 965' } }, NOW);
    expect(labels(model.items).slice(0, 3)).toEqual(['Marianne Vos', 'Run · week 24.3 km · YTD 1,204 km', 'Garmin Forerunner 965']);
    expect(item(model.items, 'attribution')?.enabled).toBe(false);
    expect(model.tooltip).toBe('Pacebar · Marianne Vos\nRun · week 24.3 km · YTD 1,204 km\nGarmin Forerunner 965');
    expect(item(trayMenuModel(base, NOW).items, 'attribution')).toBeUndefined();
  });

  it('application inactive: one status line, the data kept, Refresh now and Disconnect still there', () => {
    const base = connectedState();
    const model = trayMenuModel({ ...base, data: { ...base.data!, stale: true }, sync: { ...base.sync, lastError: 'x', applicationInactive: true } }, NOW);
    expect(statuses(model.items)).toEqual(['Strava API application inactive: subscription needed']);
    expect(model.tooltip).toContain('Strava API application inactive: subscription needed');
    expect(item(model.items, 'summary')?.label).toBe('Run · week 24.3 km · YTD 1,204 km');
    expect(item(model.items, 'refresh')?.enabled).toBe(true);
    expect(item(model.items, 'disconnect')?.enabled).toBe(true);
    expect(item(model.items, 'connect')).toBeUndefined();
  });

  it('needs setup: Connect enabled, Refresh disabled, no Disconnect', () => {
    const model = trayMenuModel(baseState({ connection: { kind: 'needs_credentials' }, settings: { ...baseState().settings, clientId: null } }), NOW);
    expect(labels(model.items)).toEqual([
      'Needs setup: add your Strava API application',
      'Open dashboard',
      'Refresh now',
      'Connect Strava…',
      'Settings…',
      'Quit Pacebar',
    ]);
    expect(item(model.items, 'refresh')?.enabled).toBe(false);
    expect(item(model.items, 'connect')?.enabled).toBe(true);
    expect(model.tooltip).toBe('Pacebar\nNeeds setup: add your Strava API application');
  });

  it('not connected, connecting, keychain unavailable, loading', () => {
    const notConnected = trayMenuModel(baseState(), NOW);
    expect(statuses(notConnected.items)).toEqual(['Not connected to Strava']);
    expect(item(notConnected.items, 'connect')).toMatchObject({ label: 'Connect Strava…', enabled: true });

    const connecting = trayMenuModel(baseState({ connection: { kind: 'connecting', method: 'browser' } }), NOW);
    expect(statuses(connecting.items)).toEqual(['Connecting to Strava…']);
    expect(item(connecting.items, 'connect')?.enabled).toBe(false);

    // The controller's detail is the cause's advice: the tray shows that sentence, nothing raw.
    const advice = new KeychainUnavailableError('no_service', 'linux').message;
    const keychain = trayMenuModel(baseState({ connection: { kind: 'keychain_unavailable', detail: advice } }), NOW);
    expect(statuses(keychain.items)).toEqual([advice]);
    expect(item(keychain.items, 'refresh')?.enabled).toBe(false);

    const loading = trayMenuModel(baseState({ loading: true }), NOW);
    expect(statuses(loading.items)).toEqual(['Loading…']);
    expect(item(loading.items, 'connect')?.enabled).toBe(false);
    expect(item(loading.items, 'refresh')?.enabled).toBe(false);
  });

  it('reconnect needed keeps the old numbers, offers Reconnect and Disconnect', () => {
    const base = connectedState();
    const model = trayMenuModel({ ...base, connection: { kind: 'reconnect_needed' }, data: { ...base.data!, stale: true } }, NOW);
    expect(labels(model.items)).toEqual([
      'Marianne Vos',
      'Run · week 24.3 km · YTD 1,204 km',
      'Updated 3 min ago',
      'Reconnect needed: Strava access was lost',
      'Open dashboard',
      'Refresh now',
      'Reconnect Strava…',
      'Disconnect',
      'Settings…',
      'Quit Pacebar',
    ]);
    expect(item(model.items, 'refresh')?.enabled).toBe(false);
  });

  it('the tooltip never exceeds Windows\' 127 characters', () => {
    const base = connectedState();
    const long = trayMenuModel({ ...base, data: { ...base.data!, athlete: { ...base.data!.athlete, name: 'A'.repeat(200) } } }, NOW);
    expect(long.tooltip.length).toBeLessThanOrEqual(TOOLTIP_MAX);
    expect(long.tooltip.endsWith('…')).toBe(true);
  });

  describe('updates', () => {
    /** The menu below Settings…: the update section, then Quit. */
    const tail = (state: Parameters<typeof trayMenuModel>[0]) => {
      const items = trayMenuModel(state, NOW).items;
      return items.slice(items.findIndex((i) => i.id === 'settings') + 1).map((i) => (i.type === 'separator' ? '—' : `${i.label}${i.enabled ? '' : ' (info)'}`));
    };
    const connected = connectedState();

    it('off (demo, unpackaged run): no update items at all', () => {
      expect(tail(withUpdate(connected, { kind: 'off' }))).toEqual(['—', 'Quit Pacebar']);
    });

    it('up to date: only "Check for updates…" (no status line for the normal case)', () => {
      expect(tail(withUpdate(connected, { kind: 'idle', checkedAt: null }))).toEqual(['—', 'Check for updates…', '—', 'Quit Pacebar']);
      expect(tail(withUpdate(connected, { kind: 'idle', checkedAt: new Date(NOW).toISOString() }))).toEqual(['—', 'Check for updates…', '—', 'Quit Pacebar']);
    });

    it('checking and downloading: one status line, no action (a check is already running)', () => {
      expect(tail(withUpdate(connected, { kind: 'checking' }))).toEqual(['—', 'Checking for updates… (info)', '—', 'Quit Pacebar']);
      expect(tail(withUpdate(connected, { kind: 'downloading', version: '0.2.0' }))).toEqual(['—', 'Downloading Pacebar 0.2.0… (info)', '—', 'Quit Pacebar']);
    });

    it('downloaded: "Update ready: restart to install" is the action that installs', () => {
      const model = trayMenuModel(withUpdate(connected, { kind: 'ready', version: '0.2.0' }), NOW);
      expect(tail(withUpdate(connected, { kind: 'ready', version: '0.2.0' }))).toEqual(['—', 'Update ready: restart to install', '—', 'Quit Pacebar']);
      expect(item(model.items, 'installUpdate')).toMatchObject({ label: 'Update ready: restart to install', enabled: true });
      expect(item(model.items, 'checkForUpdates')).toBeUndefined();
    });

    it('a platform that cannot update itself says so and offers the download page', () => {
      expect(tail(withUpdate(connected, { kind: 'manual', version: '0.2.0', reason: 'deb' }))).toEqual([
        '—',
        'Pacebar 0.2.0 is available: this .deb install can’t update itself (info)',
        'Open the download page…',
        'Check for updates…',
        '—',
        'Quit Pacebar',
      ]);
      expect(tail(withUpdate(connected, { kind: 'manual', version: '0.2.0', reason: 'mac_unsigned' }))[1]).toBe(
        'Pacebar 0.2.0 is available: this unsigned build can’t update itself (info)',
      );
    });

    it('an error is one quiet line with "Check for updates…" to try again', () => {
      expect(tail(withUpdate(connected, { kind: 'error', message: 'Couldn’t check for updates: you seem to be offline' }))).toEqual([
        '—',
        'Couldn’t check for updates: you seem to be offline (info)',
        'Check for updates…',
        '—',
        'Quit Pacebar',
      ]);
    });

    it('the tooltip and the Strava part of the menu are the same with or without update news', () => {
      const plain = trayMenuModel(connected, NOW);
      const busy = trayMenuModel(withUpdate(connected, { kind: 'ready', version: '0.2.0' }), NOW);
      expect(busy.tooltip).toBe(plain.tooltip);
      const head = (items: TrayItem[]) => items.slice(0, items.findIndex((i) => i.id === 'settings') + 1);
      expect(head(busy.items)).toEqual(head(plain.items));
    });
  });

  describe('goals and recent activities', () => {
    const ahead = goalView(RIDE_WEEK, { distance: 92_000 });
    const behind = goalView(RUN_MONTH, { count: 5 });

    it('a line per goal under the summary, in the settings\' order; the tooltip carries the primary one', () => {
      const model = trayMenuModel(withGoals(connectedState(), [ahead, behind]), NOW);
      expect(labels(model.items).slice(0, 5)).toEqual([
        'Marianne Vos',
        'Run · week 24.3 km · YTD 1,204 km',
        'Ride this week: 92.0 / 150 km · ahead by 33.4 km · 11.6 km a day to go',
        'Run this month: 5 / 12 runs · behind by 2.1 runs · 7 runs to go in 13 days',
        'Updated 3 min ago',
      ]);
      for (const goal of model.items.filter((i) => i.id === 'goal')) expect(goal.enabled).toBe(false);
      expect(model.tooltip).toBe(
        'Pacebar · Marianne Vos\nRun · week 24.3 km · YTD 1,204 km\nRide this week: 92.0 / 150 km · ahead by 33.4 km · 11.6 km a day to go',
      );
    });

    it('a goal still counting says so; a reached one says reached; no goals, no lines', () => {
      const counting = trayMenuModel(withGoals(connectedState(), [goalView(RIDE_WEEK, null)]), NOW);
      expect(item(counting.items, 'goal')?.label).toBe('Ride this week: 150 km goal · counting your history…');
      const reached = trayMenuModel(withGoals(connectedState(), [goalView(RIDE_WEEK, { distance: 151_000 })]), NOW);
      expect(item(reached.items, 'goal')?.label).toBe('Ride this week: 151 / 150 km · reached');
      expect(trayMenuModel(connectedState(), NOW).items.some((i) => i.id === 'goal')).toBe(false);
      // Without data there are no figures to judge a goal by (core leaves goals empty then).
      expect(trayMenuModel(withGoals(baseState(), [ahead]), NOW).items.some((i) => i.id === 'goal')).toBe(false);
    });

    it('the Garmin line stays under every figure derived from the activities, goals included', () => {
      const base = withGoals(connectedState(), [ahead]);
      const model = trayMenuModel({ ...base, data: { ...base.data!, garminAttribution: 'Garmin' } }, NOW);
      expect(labels(model.items).slice(1, 4)).toEqual(['Run · week 24.3 km · YTD 1,204 km', 'Ride this week: 92.0 / 150 km · ahead by 33.4 km · 11.6 km a day to go', 'Garmin']);
    });

    it('the tooltip fits in 127 characters: the goal line gives up its "to go" part, then itself, never the status lines', () => {
      const base = withGoals(connectedState(), [ahead]);
      const garmin = { ...base, data: { ...base.data!, garminAttribution: 'Garmin' } };
      const shortened = trayMenuModel(garmin, NOW).tooltip;
      expect(shortened.length).toBeLessThanOrEqual(TOOLTIP_MAX);
      expect(shortened).toContain('Ride this week: 92.0 / 150 km · ahead by 33.4 km\n');
      expect(shortened).not.toContain('a day to go');
      expect(shortened.endsWith('\nGarmin')).toBe(true);

      const troubled = trayMenuModel({ ...garmin, sync: { ...garmin.sync, rateLimitedUntil: new Date(NOW + 12 * 60_000).toISOString() } }, NOW).tooltip;
      expect(troubled.length).toBeLessThanOrEqual(TOOLTIP_MAX);
      expect(troubled).not.toContain('Ride this week');
      expect(troubled.endsWith('Strava rate limit reached: retrying in 12 min')).toBe(true);
    });

    it('"Recent activities" opens a submenu of the latest activities, each carrying the activity it opens', () => {
      const first = activity({ name: 'Evening Ride', sportType: 'Ride', distance: 41_500, movingTime: 5_400, start: NOW - 3_600_000, startLocal: NOW - 3_600_000 });
      const second = activity();
      const model = trayMenuModel(withRecent(connectedState(), [second, first]), NOW);
      const recent = item(model.items, 'recent')!;
      expect(recent).toMatchObject({ label: 'Recent activities', enabled: true });
      expect(recent.submenu).toEqual([
        { id: 'activity', label: 'Evening Ride · 41.5 km · 1h 30m · Wed 18 Nov', enabled: true, activityId: first.id },
        { id: 'activity', label: 'Morning Run · 10.2 km · 52m · Mon 16 Nov', enabled: true, activityId: second.id },
      ]);
      // With the actions, just above "Open dashboard".
      expect(model.items[model.items.findIndex((i) => i.id === 'open') - 1]).toBe(recent);
      expect(item(trayMenuModel(connectedState(), NOW).items, 'recent')).toBeUndefined();
      expect(item(trayMenuModel(baseState(), NOW).items, 'recent')).toBeUndefined();
    });

    it('a notification the system did not show is a line in the menu, after the status lines', () => {
      const base = connectedState();
      const model = trayMenuModel({ ...base, sync: { ...base.sync, refreshing: true } }, NOW, ['Goal reached: Ride this week: 151 / 150 km · reached']);
      const info = model.items.filter((i) => i.id === 'status' || i.id === 'notice').map((i) => `${i.id}: ${i.label}`);
      expect(info).toEqual(['status: Refreshing…', 'notice: Goal reached: Ride this week: 151 / 150 km · reached']);
      expect(item(model.items, 'notice')?.enabled).toBe(false);
    });
  });
});

