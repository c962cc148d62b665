import { describe, expect, it } from 'vitest';
import { COMMANDS, optionsOf, parseCommandLine } from '../../cli/args';
import { helpText } from '../../cli/usage';
import { UsageError } from '../../cli/exitCodes';

function usageError(argv: string[]): UsageError {
  try {
    parseCommandLine(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as UsageError).message).not.toMatch(/\n/);
    return error as UsageError;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

describe('parseCommandLine', () => {
  it('help and version', () => {
    expect(parseCommandLine([])).toEqual({ kind: 'help', topic: null });
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help', topic: null });
    expect(parseCommandLine(['-h'])).toEqual({ kind: 'help', topic: null });
    expect(parseCommandLine(['help'])).toEqual({ kind: 'help', topic: null });
    expect(parseCommandLine(['help', 'status'])).toEqual({ kind: 'help', topic: 'status' });
    expect(parseCommandLine(['status', '--help'])).toEqual({ kind: 'help', topic: 'status' });
    expect(parseCommandLine(['login', '-h'])).toEqual({ kind: 'help', topic: 'login' });
    expect(parseCommandLine(['--version'])).toEqual({ kind: 'version' });
    expect(parseCommandLine(['-V'])).toEqual({ kind: 'version' });
    usageError(['help', 'nope']);
    usageError(['--version', 'status']);
  });

  it('setup', () => {
    expect(parseCommandLine(['setup', '--client-id', '12345'])).toEqual({ kind: 'setup', clientId: '12345', secretFromStdin: false });
    expect(parseCommandLine(['setup', '--client-id=678', '--client-secret-stdin'])).toEqual({ kind: 'setup', clientId: '678', secretFromStdin: true });
    expect(usageError(['setup']).message).toMatch(/--client-id/);
    expect(usageError(['setup', '--client-id']).message).toMatch(/needs a value/);
    expect(usageError(['setup', '--client-id', 'abc']).message).toMatch(/number/);
    expect(usageError(['setup', '--client-id', '1', '--client-secret-stdin=yes']).message).toMatch(/takes no value/);
  });

  it('refuses a client secret on the command line without repeating it', () => {
    for (const argv of [
      ['setup', '--client-id', '1', '--client-secret', 'topsecretvalue'],
      ['setup', '--client-secret=topsecretvalue', '--client-id', '1'],
      ['setup', '--secret', 'topsecretvalue'],
    ]) {
      const error = usageError(argv);
      expect(error.message).toMatch(/not accepted as an argument/);
      expect(error.message).toMatch(/--client-secret-stdin/);
      expect(error.message).not.toMatch(/topsecretvalue/);
    }
  });

  it('never repeats a stray argument or an unknown option\'s value', () => {
    expect(usageError(['setup', '--client-id', '1', 'topsecretvalue']).message).not.toMatch(/topsecretvalue/);
    const unknown = usageError(['status', '--token=topsecretvalue']);
    expect(unknown.message).toMatch(/^Unknown option --token for 'pacebar status'\./);
    expect(unknown.message).not.toMatch(/topsecretvalue/);
  });

  it('login', () => {
    expect(parseCommandLine(['login'])).toEqual({ kind: 'login', open: true, force: false });
    expect(parseCommandLine(['login', '--no-open'])).toEqual({ kind: 'login', open: false, force: false });
    expect(parseCommandLine(['login', '--force', '--no-open'])).toEqual({ kind: 'login', open: false, force: true });
    usageError(['login', '--open=false']);
  });

  it('status', () => {
    expect(parseCommandLine(['status'])).toEqual({ kind: 'status', format: 'text', mode: 'auto' });
    expect(parseCommandLine(['status', '--format', 'json'])).toEqual({ kind: 'status', format: 'json', mode: 'auto' });
    expect(parseCommandLine(['status', '--format=waybar', '--offline'])).toEqual({ kind: 'status', format: 'waybar', mode: 'offline' });
    expect(parseCommandLine(['status', '-f', 'json', '--refresh'])).toEqual({ kind: 'status', format: 'json', mode: 'refresh' });
    expect(usageError(['status', '--format', 'xml']).message).toMatch(/text, json, waybar/);
    expect(usageError(['status', '--format']).message).toMatch(/needs a value/);
    expect(usageError(['status', '--offline', '--refresh']).message).toMatch(/together/);
    usageError(['status', 'now']);
  });

  it('logout', () => {
    expect(parseCommandLine(['logout'])).toEqual({ kind: 'logout', forgetCredentials: false });
    expect(parseCommandLine(['logout', '--forget-credentials'])).toEqual({ kind: 'logout', forgetCredentials: true });
  });

  it('unknown commands and options', () => {
    // A word shaped like a command is named, with the closest command when one is near.
    expect(usageError(['stauts']).message).toBe("Unknown command 'stauts': did you mean 'pacebar status'? Commands: setup, login, status, goals, config, logout, help. See: pacebar --help");
    expect(usageError(['logni']).message).toMatch(/^Unknown command 'logni': did you mean 'pacebar login'\?/);
    expect(usageError(['logot']).message).toMatch(/did you mean 'pacebar logout'\?/);
    expect(usageError(['sync']).message).toBe("Unknown command 'sync'. Commands: setup, login, status, goals, config, logout, help. See: pacebar --help");
    expect(usageError(['help', 'stats']).message).toMatch(/^Unknown command 'stats': did you mean 'pacebar status'\?/);
    // Anything else (digits, capitals, long) is not repeated: it may be a pasted token.
    expect(usageError(['Stauts']).message).toMatch(/^Unknown command\. Commands: setup, login, status/);
    expect(usageError(['abcdefghijklmnopqrstuvwxyz']).message).not.toContain('abcdefghij');
    // A secret pasted as the first word is not repeated back.
    expect(usageError(['0123456789abcdef0123456789abcdef01234567']).message).not.toContain('0123456789abcdef');
    expect(usageError(['help', 'a1b2c3d4e5f6']).message).not.toContain('a1b2c3');
    expect(usageError(['--offline']).message).toMatch(/give a command first/);
    expect(usageError(['logout', '--force']).message).toBe("Unknown option --force for 'pacebar logout'. See: pacebar logout --help");
    expect(usageError(['status', '--ofline']).message).toBe("Unknown option --ofline for 'pacebar status': did you mean --offline? See: pacebar status --help");
    expect(usageError(['login', '--no-opne']).message).toMatch(/did you mean --no-open\?/);
  });

  it('never repeats an unknown option: it may be a secret pasted after --', () => {
    const secret = '0123456789abcdef0123456789abcdef01234567';
    for (const argv of [[`--${secret}`], [`--${secret}=x`], ['status', `--${secret}`], ['setup', '--client-id', '1', `--${secret}`], ['logout', `-${secret}`]]) {
      expect(usageError(argv).message, argv.join(' ')).not.toContain(secret.slice(0, 12));
    }
    // Known options are still named where they are used wrongly.
    expect(usageError(['status', '--format']).message).toMatch(/^--format needs a value/);
  });
});

describe('the help texts', () => {
  it('document every option each command accepts, short forms included', () => {
    for (const command of COMMANDS) {
      const help = helpText(command);
      for (const [name, spec] of Object.entries(optionsOf[command] as Record<string, { short?: string }>)) {
        if (name === 'help') continue;
        expect(help, `pacebar ${command} --${name}`).toContain(`--${name}`);
        if (spec.short) expect(help, `pacebar ${command} -${spec.short}`).toMatch(new RegExp(`(^|[\\s,(])-${spec.short}\\b`));
      }
    }
    expect(helpText(null)).toMatch(/-f is short for --format/);
  });
});
