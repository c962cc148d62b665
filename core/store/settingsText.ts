// The settings as text: the key ↔ setting table and each value's codec, for `pacebar config` (and
// any surface that shows settings as `key = value`). Text is converted to a value here; whether the
// value is allowed is decided by the app's own rules (userSettingsPatchSchema), never again here.
import {
  MENU_BAR_TITLES,
  REFRESH_INTERVAL_MINUTES,
  SIGN_IN_METHODS,
  SPORTS,
  TRAY_ICONS,
  UNITS,
  userSettingsPatchSchema,
  type Settings,
  type SettingsPatch,
  type WeeklySummaryAt,
} from '../domain';
import { InvalidInputError } from '../errors';

/** The settings shown as text: everything a person sets, and the Client ID (not the bookkeeping). */
export type TextSettingKey = Exclude<keyof Settings, 'athleteId' | 'goals' | 'notified'>;

interface SettingTextSpec<Key extends TextSettingKey> {
  /** kebab-case, as `pacebar config` takes it. */
  key: string;
  setting: Key;
  /** The values it takes, in words: "metric, imperial or strava". */
  accepts: string;
  print(value: Settings[Key]): string;
  /** The value the text names, or undefined when it names none. Normalised text (trimmed, lower case). */
  read(text: string): Settings[Key] | undefined;
  /** Why it cannot be set as text (it is set elsewhere); absent for the settings that can. */
  readOnly?: string;
}

export type SettingText = { [Key in TextSettingKey]: SettingTextSpec<Key> }[TextSettingKey];

function spec<Key extends TextSettingKey>(entry: SettingTextSpec<Key>): SettingTextSpec<Key> {
  return entry;
}

function inWords(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

function choice<Value extends string>(values: readonly Value[]) {
  return {
    accepts: inWords(values),
    print: (value: Value) => value,
    read: (text: string) => values.find((value) => value === text),
  };
}

const ON_OFF: Record<string, boolean> = { on: true, off: false, true: true, false: false };
const onOff = {
  accepts: 'on or off (or true or false)',
  print: (value: boolean) => (value ? 'on' : 'off'),
  read: (text: string) => ON_OFF[text],
};

/** ISO weekdays 1 (Monday) to 7 (Sunday), as printed and as spelt out in full. */
export const WEEKDAY_ABBREVIATIONS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** "sun 20:00", or "off" for never. */
export function printWeeklySummary(value: WeeklySummaryAt | null): string {
  if (value === null) return 'off';
  const hours = String(Math.floor(value.minute / 60)).padStart(2, '0');
  const minutes = String(value.minute % 60).padStart(2, '0');
  return `${WEEKDAY_ABBREVIATIONS[value.weekday - 1]} ${hours}:${minutes}`;
}

/** "sun 20:00", "Sunday 8:05" (24-hour clock) or "off"; undefined for anything else. */
export function readWeeklySummary(text: string): WeeklySummaryAt | null | undefined {
  if (text === 'off') return null;
  const match = /^([a-z]+)\s+(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [, day = '', hourText = '', minuteText = ''] = match;
  const index = Math.max(WEEKDAY_ABBREVIATIONS.indexOf(day as never), WEEKDAY_NAMES.indexOf(day as never));
  const hour = Number(hourText);
  const minute = Number(minuteText);
  // The rule checks the minute of the day; "20:75" must not slip through as 21:15.
  if (index === -1 || hour > 23 || minute > 59) return undefined;
  return { weekday: index + 1, minute: hour * 60 + minute };
}

/** Whole minutes, "30" or "30m" / "30min". */
function readMinutes(text: string): number | undefined {
  const match = /^(\d{1,6})\s*(?:m|min|mins|minutes?)?$/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** In the order `pacebar config` prints them: what people change most first, the Client ID last. */
export const SETTING_TEXTS: readonly SettingText[] = [
  spec({ key: 'primary-sport', setting: 'primarySport', ...choice(SPORTS) }),
  spec({
    key: 'units',
    setting: 'units',
    accepts: `${inWords([...UNITS, 'strava'])} (your preference on Strava)`,
    print: (value) => value ?? 'strava',
    read: (text) => (text === 'strava' ? null : UNITS.find((units) => units === text)),
  }),
  spec({ key: 'ebike-rides-as-rides', setting: 'eBikeRidesAsRides', ...onOff }),
  spec({
    key: 'refresh-interval',
    setting: 'refreshIntervalMinutes',
    accepts: `a whole number of minutes from ${REFRESH_INTERVAL_MINUTES.min} to ${REFRESH_INTERVAL_MINUTES.max}, such as 30`,
    print: (value) => String(value),
    read: readMinutes,
  }),
  spec({ key: 'menu-bar-title', setting: 'menuBarTitle', ...choice(MENU_BAR_TITLES) }),
  spec({ key: 'tray-icon', setting: 'trayIcon', ...choice(TRAY_ICONS) }),
  spec({ key: 'notify-goal-reached', setting: 'notifyGoalReached', ...onOff }),
  spec({
    key: 'weekly-summary',
    setting: 'weeklySummaryAt',
    accepts: 'a weekday and a 24-hour time, such as "sun 20:00", or off',
    print: printWeeklySummary,
    read: readWeeklySummary,
  }),
  spec({ key: 'sign-in-method', setting: 'signInMethod', ...choice(SIGN_IN_METHODS) }),
  spec({
    key: 'launch-at-login',
    setting: 'launchAtLogin',
    ...onOff,
    readOnly: "the app applies it to your system: set it in the app's settings",
  }),
  spec({
    key: 'client-id',
    setting: 'clientId',
    accepts: 'the Client ID of your Strava API application',
    print: (value) => value ?? 'not set',
    read: () => undefined,
    readOnly: 'it is set with its secret: pacebar setup --client-id ID',
  }),
];

export const SETTING_TEXT_KEYS: readonly string[] = SETTING_TEXTS.map((entry) => entry.key);

/** The entry of `key`; an unknown key is refused without repeating it (it may be a pasted secret). */
export function settingTextOf(key: string): SettingText {
  const found = SETTING_TEXTS.find((entry) => entry.key === key.trim().toLowerCase());
  if (!found) throw new InvalidInputError(`Unknown setting. Settings: ${SETTING_TEXT_KEYS.join(', ')}.`);
  return found;
}

/** The value of one setting as text: what `key = …` shows. */
export function settingValueText(settings: Settings, entry: SettingText): string {
  // The union's print and value belong to the same key.
  return (entry.print as (value: unknown) => string)(settings[entry.setting]);
}

/** Every setting as `key = value`, in SETTING_TEXTS' order. */
export function settingLines(settings: Settings): string[] {
  return SETTING_TEXTS.map((entry) => `${entry.key} = ${settingValueText(settings, entry)}`);
}

/** Case and spacing do not matter: " Sun  20:00 " is "sun 20:00". */
function normalised(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The change `key = text` asks for, checked by the app's rules; throws InvalidInputError with one
 * line naming what the setting takes. The text is never repeated (it may be a pasted secret).
 */
export function settingsPatchFromText(key: string, text: string): SettingsPatch {
  const entry = settingTextOf(key);
  if (entry.readOnly) throw new InvalidInputError(`${entry.key} cannot be set with pacebar config: ${entry.readOnly}.`);
  const value = entry.read(normalised(text));
  const refused = `${entry.key} takes ${entry.accepts}; nothing was changed.`;
  if (value === undefined) throw new InvalidInputError(refused);
  // The app's rule decides (the refresh interval's range); the line says what the key takes.
  const parsed = userSettingsPatchSchema.safeParse({ [entry.setting]: value });
  if (!parsed.success) throw new InvalidInputError(refused);
  return parsed.data;
}
