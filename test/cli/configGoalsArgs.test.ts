import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../cli/args';
import { UsageError } from '../../cli/exitCodes';
import { helpText } from '../../cli/usage';
import { SETTING_TEXTS } from '../../core/store/settingsText';

function usageError(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as UsageError).message).not.toMatch(/\n/);
    return (error as UsageError).message;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

const SECRET = '0123456789abcdef0123456789abcdef01234567';

describe('pacebar config arguments', () => {
  it('list, get and set', () => {
    expect(parseCommandLine(['config'])).toEqual({ kind: 'config', action: { verb: 'list' } });
    expect(parseCommandLine(['config', 'get', 'Units'])).toEqual({ kind: 'config', action: { verb: 'get', key: 'units' } });
    expect(parseCommandLine(['config', 'set', 'units', 'strava'])).toEqual({ kind: 'config', action: { verb: 'set', key: 'units', patch: { units: null } } });
    expect(parseCommandLine(['config', 'set', 'refresh-interval', '60'])).toEqual({ kind: 'config', action: { verb: 'set', key: 'refresh-interval', patch: { refreshIntervalMinutes: 60 } } });
    // A weekly time may come as one argument or two.
    const twoWords = parseCommandLine(['config', 'set', 'weekly-summary', 'sun', '20:00']);
    expect(twoWords).toEqual(parseCommandLine(['config', 'set', 'weekly-summary', 'sun 20:00']));
    expect(twoWords).toMatchObject({ action: { patch: { weeklySummaryAt: { weekday: 7, minute: 1200 } } } });
    expect(parseCommandLine(['config', '--help'])).toEqual({ kind: 'help', topic: 'config' });
    expect(parseCommandLine(['help', 'config'])).toEqual({ kind: 'help', topic: 'config' });
  });

  it('refuses bad keys, values and verbs in one line, never repeating them', () => {
    expect(usageError(['config', 'get', SECRET])).toMatch(/^Unknown setting\. Settings: primary-sport, units, /);
    expect(usageError(['config', 'set', SECRET, 'x'])).not.toContain(SECRET.slice(0, 12));
    expect(usageError(['config', 'set', 'units', SECRET])).toBe('units takes metric, imperial or strava (your preference on Strava); nothing was changed.');
    expect(usageError(['config', 'set', 'refresh-interval', '5'])).toMatch(/from 15 to 1440/);
    expect(usageError(['config', 'set', 'client-id', '12345'])).toMatch(/pacebar setup --client-id ID/);
    expect(usageError(['config', 'set', 'units'])).toMatch(/^Usage: pacebar config set KEY VALUE/);
    expect(usageError(['config', 'get'])).toMatch(/^Usage: pacebar config get KEY/);
    expect(usageError(['config', 'get', 'units', 'extra'])).toMatch(/^Usage: pacebar config get KEY/);
    expect(usageError(['config', SECRET])).not.toContain(SECRET.slice(0, 12));
    // An option's name is named when shaped like one (never its value, never a pasted token).
    expect(usageError(['config', '--format', 'json'])).toMatch(/^Unknown option --format for 'pacebar config'/);
    expect(usageError(['config', '--format', 'json'])).not.toContain('json');
  });
});

describe('pacebar goals arguments', () => {
  it('list with the same --format, --offline and --refresh as status', () => {
    expect(parseCommandLine(['goals'])).toEqual({ kind: 'goals', action: { verb: 'list', format: 'text', mode: 'auto' } });
    expect(parseCommandLine(['goals', 'list', '-f', 'waybar', '--offline'])).toEqual({ kind: 'goals', action: { verb: 'list', format: 'waybar', mode: 'offline' } });
    expect(parseCommandLine(['goals', '--format=json', '--refresh'])).toEqual({ kind: 'goals', action: { verb: 'list', format: 'json', mode: 'refresh' } });
    expect(usageError(['goals', '--format', 'xml'])).toMatch(/text, json, waybar/);
    expect(usageError(['goals', '--offline', '--refresh'])).toMatch(/together/);
  });

  it('add: sport, period and exactly one measure with its unit', () => {
    expect(parseCommandLine(['goals', 'add', '--sport', 'ride', '--period', 'week', '--distance', '150km'])).toEqual({
      kind: 'goals',
      action: { verb: 'add', goal: { sport: 'ride', period: 'week', measure: 'distance', target: 150_000 } },
    });
    expect(parseCommandLine(['goals', 'add', '--sport=run', '--period=month', '--time=5h30m'])).toMatchObject({ action: { goal: { measure: 'time', target: 19_800 } } });
    expect(parseCommandLine(['goals', 'add', '--sport', 'ride', '--period', 'year', '--elevation', '6500ft'])).toMatchObject({ action: { goal: { measure: 'elevation' } } });
    expect(parseCommandLine(['goals', 'add', '--sport', 'swim', '--period', 'week', '--count', '3'])).toMatchObject({ action: { goal: { measure: 'count', target: 3 } } });
  });

  it('add refuses a missing or second measure, bad words and amounts', () => {
    const base = ['goals', 'add', '--sport', 'ride', '--period', 'week'];
    expect(usageError(base)).toMatch(/one of --distance, --time, --elevation, --count/);
    expect(usageError([...base, '--distance', '150km', '--count', '3'])).toMatch(/one of --distance/);
    expect(usageError(['goals', 'add', '--period', 'week', '--distance', '150km'])).toMatch(/--sport/);
    expect(usageError([...base, '--distance', '150'])).toBe("A goal's distance is a number and km, mi, m or yd, such as 150km. Nothing was changed.");
    expect(usageError([...base, '--time', 'soon'])).toMatch(/5h30m/);
    expect(usageError(['goals', 'add', '--sport', 'rowing', '--period', 'week', '--count', '3'])).toMatch(/sport family: run, ride/);
    expect(usageError(['goals', 'add', '--sport', 'run', '--period', 'fortnight', '--count', '3'])).toMatch(/week, month, year/);
    expect(usageError([...base, '--distance', '150km', '--format', 'json'])).toMatch(/^--format is not an option of 'pacebar goals add'/);
    expect(usageError([...base, '--distance', '150km', 'extra'])).toMatch(/^Usage: pacebar goals add/);
    expect(usageError(['goals', '--sport', 'run'])).toMatch(/^--sport is not an option of 'pacebar goals'/);
  });

  it('remove takes one goal number', () => {
    expect(parseCommandLine(['goals', 'remove', '3'])).toEqual({ kind: 'goals', action: { verb: 'remove', id: 3 } });
    for (const argv of [['goals', 'remove'], ['goals', 'remove', '0'], ['goals', 'remove', 'x'], ['goals', 'remove', '1', '2'], ['goals', 'remove', SECRET]]) {
      const message = usageError(argv);
      expect(message, argv.join(' ')).toMatch(/^Usage: pacebar goals remove ID/);
      expect(message).not.toContain(SECRET.slice(0, 12));
    }
    expect(usageError(['goals', 'remove', '3', '--offline'])).toMatch(/not an option of 'pacebar goals remove'/);
    expect(usageError(['goals', 'delete', '3'])).toMatch(/takes add or remove/);
  });
});

describe('help for config and goals', () => {
  it("lists every key with what it takes, from core's table, and every goal option", () => {
    const config = helpText('config');
    for (const entry of SETTING_TEXTS) expect(config).toContain(`  ${entry.key} `);
    expect(config).toMatch(/units +metric, imperial or strava/);
    expect(config).toMatch(/client-id +read-only: .*pacebar setup/);
    const goals = helpText('goals');
    for (const option of ['--sport', '--period', '--distance', '--time', '--elevation', '--count', '--format waybar', 'pacebar goals remove']) expect(goals).toContain(option);
    expect(helpText(null)).toMatch(/pacebar config \[get KEY \| set KEY VALUE\]/);
    expect(helpText(null)).toMatch(/pacebar goals add --sport SPORT/);
    for (const line of [...config.split('\n'), ...goals.split('\n')]) expect(line.length, line).toBeLessThanOrEqual(100);
  });
});
