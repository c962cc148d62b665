import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MENU_BAR_TITLES,
  REFRESH_INTERVAL_MINUTES,
  SIGN_IN_METHODS,
  SPORTS,
  TRAY_ICONS,
  UNITS,
  settingsDefaults,
  userSettingsPatchSchema,
  type Settings,
} from '../../../core/domain';
import { InvalidInputError } from '../../../core/errors';
import {
  SETTING_TEXTS,
  SETTING_TEXT_KEYS,
  printWeeklySummary,
  readWeeklySummary,
  settingLines,
  settingTextOf,
  settingsPatchFromText,
} from '../../../core/store/settingsText';
import { anyString, propertyTest, runs } from '../../support/properties';

function refusal(key: string, text: string): string {
  try {
    settingsPatchFromText(key, text);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    const message = (error as Error).message;
    expect(message).not.toMatch(/\n/);
    return message;
  }
  throw new Error(`expected ${key} = ${JSON.stringify(text)} to be refused`);
}

/** Any settings a person could have set (the values each rule allows). */
const settableSettings: fc.Arbitrary<Settings> = fc
  .record({
    primarySport: fc.constantFrom(...SPORTS),
    units: fc.constantFrom(...UNITS, null),
    eBikeRidesAsRides: fc.boolean(),
    refreshIntervalMinutes: fc.integer({ min: REFRESH_INTERVAL_MINUTES.min, max: REFRESH_INTERVAL_MINUTES.max }),
    menuBarTitle: fc.constantFrom(...MENU_BAR_TITLES),
    trayIcon: fc.constantFrom(...TRAY_ICONS),
    notifyGoalReached: fc.boolean(),
    weeklySummaryAt: fc.option(fc.record({ weekday: fc.integer({ min: 1, max: 7 }), minute: fc.integer({ min: 0, max: 1439 }) }), { nil: null }),
    signInMethod: fc.constantFrom(...SIGN_IN_METHODS),
    launchAtLogin: fc.boolean(),
    clientId: fc.option(fc.stringMatching(/^[0-9]{1,12}$/), { nil: null }),
  })
  .map((values) => ({ ...settingsDefaults, ...values }));

describe('settings as text', () => {
  it('has a key for every setting a person sets, and the Client ID', () => {
    const settable = Object.keys(userSettingsPatchSchema.shape).sort();
    expect(SETTING_TEXTS.map((entry) => entry.setting).sort()).toEqual([...settable, 'clientId'].sort());
    expect(new Set(SETTING_TEXT_KEYS).size).toBe(SETTING_TEXT_KEYS.length);
    for (const key of SETTING_TEXT_KEYS) expect(key).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('prints the defaults as key = value, one per line, in the table order', () => {
    expect(settingLines(settingsDefaults)).toEqual([
      'primary-sport = run',
      'units = strava',
      'ebike-rides-as-rides = off',
      'refresh-interval = 15',
      'menu-bar-title = goal',
      'tray-icon = ring',
      'notify-goal-reached = off',
      'weekly-summary = off',
      'sign-in-method = window',
      'launch-at-login = off',
      'client-id = not set',
    ]);
  });

  it('round trip: every printed value of every settable key reads back as the same setting', propertyTest, () => {
    fc.assert(
      fc.property(settableSettings, (settings) => {
        const patch: Record<string, unknown> = {};
        for (const line of settingLines(settings)) {
          const [key = '', value = ''] = line.split(' = ');
          if (settingTextOf(key).readOnly) continue;
          Object.assign(patch, settingsPatchFromText(key, value));
        }
        const settable = Object.keys(userSettingsPatchSchema.shape).filter((key) => key !== 'launchAtLogin');
        expect(patch).toEqual(Object.fromEntries(settable.map((key) => [key, settings[key as keyof Settings]])));
      }),
      runs(300),
    );
  });

  it('every weekly-summary time and every refresh interval the rules allow round-trips', () => {
    for (let weekday = 1; weekday <= 7; weekday += 1) {
      for (let minute = 0; minute < 24 * 60; minute += 1) {
        expect(readWeeklySummary(printWeeklySummary({ weekday, minute }))).toEqual({ weekday, minute });
      }
    }
    for (let minutes = REFRESH_INTERVAL_MINUTES.min; minutes <= REFRESH_INTERVAL_MINUTES.max; minutes += 1) {
      expect(settingsPatchFromText('refresh-interval', String(minutes))).toEqual({ refreshIntervalMinutes: minutes });
    }
  });

  it('reads the spellings people type', () => {
    expect(settingsPatchFromText('units', 'strava')).toEqual({ units: null });
    expect(settingsPatchFromText('units', ' Imperial ')).toEqual({ units: 'imperial' });
    expect(settingsPatchFromText('PRIMARY-SPORT', 'Ride')).toEqual({ primarySport: 'ride' });
    expect(settingsPatchFromText('ebike-rides-as-rides', 'true')).toEqual({ eBikeRidesAsRides: true });
    expect(settingsPatchFromText('notify-goal-reached', 'ON')).toEqual({ notifyGoalReached: true });
    expect(settingsPatchFromText('refresh-interval', '30m')).toEqual({ refreshIntervalMinutes: 30 });
    expect(settingsPatchFromText('refresh-interval', '90 min')).toEqual({ refreshIntervalMinutes: 90 });
    expect(settingsPatchFromText('weekly-summary', 'sun 20:00')).toEqual({ weeklySummaryAt: { weekday: 7, minute: 1200 } });
    expect(settingsPatchFromText('weekly-summary', '  Monday   8:05 ')).toEqual({ weeklySummaryAt: { weekday: 1, minute: 485 } });
    expect(settingsPatchFromText('weekly-summary', 'OFF')).toEqual({ weeklySummaryAt: null });
  });

  it('refuses a bad value with one line naming what the key takes, never the value', () => {
    const cases: [string, string, RegExp][] = [
      ['units', 'furlongs', /^units takes metric, imperial or strava/],
      ['primary-sport', 'rowing', /^primary-sport takes run, ride, swim, walk, ebike, winter, water, fitness or other;/],
      ['refresh-interval', '10', /^refresh-interval takes a whole number of minutes from 15 to 1440/],
      ['refresh-interval', '1441', /from 15 to 1440/],
      ['refresh-interval', '1.5', /from 15 to 1440/],
      ['refresh-interval', '', /from 15 to 1440/],
      ['menu-bar-title', 'on', /^menu-bar-title takes goal, week or off;/],
      ['tray-icon', 'bar', /^tray-icon takes ring or plain;/],
      ['ebike-rides-as-rides', 'maybe', /^ebike-rides-as-rides takes on or off/],
      ['weekly-summary', 'sun 24:00', /^weekly-summary takes a weekday and a 24-hour time, such as "sun 20:00", or off;/],
      ['weekly-summary', 'sun 20:75', /^weekly-summary takes/],
      ['weekly-summary', 'funday 20:00', /^weekly-summary takes/],
      ['weekly-summary', '7 20:00', /^weekly-summary takes/],
      ['weekly-summary', 'sun', /^weekly-summary takes/],
      ['sign-in-method', 'telepathy', /^sign-in-method takes window or browser;/],
    ];
    for (const [key, text, pattern] of cases) {
      const message = refusal(key, text);
      expect(message, `${key} ${text}`).toMatch(pattern);
      expect(message).toMatch(/nothing was changed\.$/);
      if (text.length > 3) expect(message).not.toContain(text);
    }
  });

  it('refuses the read-only keys with the reason and where to set them', () => {
    expect(refusal('client-id', '12345')).toBe('client-id cannot be set with pacebar config: it is set with its secret: pacebar setup --client-id ID.');
    expect(refusal('launch-at-login', 'on')).toMatch(/^launch-at-login cannot be set with pacebar config: .*app's settings\.$/);
  });

  it('refuses an unknown key listing every key, without repeating it', () => {
    const message = refusal('0123456789abcdef0123', 'x');
    expect(message).toBe(`Unknown setting. Settings: ${SETTING_TEXT_KEYS.join(', ')}.`);
    expect(() => settingTextOf('unit')).toThrow(InvalidInputError);
  });

  it('any text either reads as a value the rules allow or is refused as invalid input', propertyTest, () => {
    const keys = SETTING_TEXTS.filter((entry) => !entry.readOnly).map((entry) => entry.key);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.oneof(anyString({ maxLength: 12 }), fc.stringMatching(/^[a-z]{3,9} \d{1,2}:\d{2}$/), fc.stringMatching(/^\d{1,5}(m|min)?$/)), (key, text) => {
        let patch;
        try {
          patch = settingsPatchFromText(key, text);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidInputError);
          return;
        }
        expect(userSettingsPatchSchema.safeParse(patch).success).toBe(true);
        expect(Object.keys(patch)).toEqual([settingTextOf(key).setting]);
      }),
      runs(500),
    );
  });
});
