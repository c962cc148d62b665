import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { browserLaunch } from '../../cli/openBrowser';
import { CliError, describeFailure, EXIT, isTransient } from '../../cli/exitCodes';
import { loginTimeoutMs } from '../../cli/commands/login';
import { firstRetryDelayFromEnv } from '../../cli/context';
import { readAllStdin, readClientSecret } from '../../cli/readSecret';
import {
  CertificateError,
  ProxyError,
  InvalidClientError,
  KeychainUnavailableError,
  NetworkError,
  NoCredentialsError,
  NotConnectedError,
  RateLimitedError,
  RedirectError,
  ReconnectNeededError,
  ServerError,
} from '../../core/errors';

const URL_ = 'http://127.0.0.1:9/oauth/authorize?client_id=1&state=a%20b';

describe('browserLaunch', () => {
  it('$BROWSER gets the URL as its one argument', () => {
    expect(browserLaunch(URL_, { BROWSER: '/usr/bin/firefox' }, 'linux')).toEqual({ command: '/usr/bin/firefox', args: [URL_], verbatim: false });
  });
  it('else the platform opener', () => {
    expect(browserLaunch(URL_, {}, 'linux')).toEqual({ command: 'xdg-open', args: [URL_], verbatim: false });
    expect(browserLaunch(URL_, { BROWSER: '  ' }, 'freebsd').command).toBe('xdg-open');
    expect(browserLaunch(URL_, {}, 'darwin')).toEqual({ command: 'open', args: [URL_], verbatim: false });
    const windows = browserLaunch(URL_, {}, 'win32');
    expect(windows.command).toBe('cmd');
    expect(windows.verbatim).toBe(true);
    expect(windows.args.at(-1)).toBe(`start "" "${URL_}"`); // quoted: & stays part of the URL
  });
});

describe('describeFailure', () => {
  it('maps engine errors to exit codes and CLI wording', () => {
    expect(describeFailure(new NotConnectedError())).toEqual({ exitCode: EXIT.notConnected, message: 'Not connected. Run: pacebar login' });
    expect(describeFailure(new NoCredentialsError())).toEqual({ exitCode: 3, message: 'No Strava API application set up. Run: pacebar setup --client-id ID' });
    expect(describeFailure(new ReconnectNeededError()).exitCode).toBe(4);
    expect(describeFailure(new RateLimitedError(Date.now())).exitCode).toBe(5);
    // The reset in the user's zone: 12:15 UTC is 18:00 in Kathmandu (+05:45); midnight UTC is the next day there.
    const moment = { now: Date.UTC(2024, 5, 12, 12, 3), utcOffsetMinutes: () => 345 };
    expect(describeFailure(new RateLimitedError(Date.UTC(2024, 5, 12, 12, 15)), moment).message).toBe("Strava's rate limit is reached until 18:00; Pacebar asks again after that.");
    expect(describeFailure(new RateLimitedError(Date.UTC(2024, 5, 13, 0, 0)), moment).message).toMatch(/until 13 Jun 05:45;/);
    expect(describeFailure(new NetworkError('connection refused')).exitCode).toBe(5);
    expect(describeFailure(new ServerError(503)).exitCode).toBe(5);
    // Strava unreachable through the proxy or its certificate: exit 5 like any unreachable Strava, with what to check.
    expect(describeFailure(new ProxyError('ERR_TUNNEL_CONNECTION_FAILED'))).toEqual({ exitCode: 5, message: expect.stringContaining('HTTPS_PROXY') });
    expect(describeFailure(new CertificateError('SELF_SIGNED_CERT_IN_CHAIN'))).toEqual({ exitCode: 5, message: expect.stringContaining('NODE_EXTRA_CA_CERTS') });
    expect(isTransient(new CertificateError('SELF_SIGNED_CERT_IN_CHAIN'))).toBe(true);
    expect(describeFailure(new InvalidClientError()).exitCode).toBe(1);
    expect(describeFailure(new RedirectError('access_denied')).message).toMatch(/cancelled/);
    expect(describeFailure(new KeychainUnavailableError('no_service', 'linux'))).toEqual({ exitCode: 1, message: expect.stringMatching(/^No keyring service is running: install and start GNOME Keyring or KWallet/) });
    expect(describeFailure(new CliError('two\nlines', EXIT.usage))).toEqual({ exitCode: 2, message: 'two lines' });
  });

  it('does not repeat the message of an unexpected error (it could hold anything)', () => {
    const failure = describeFailure(new TypeError('refresh_token=abc123 went wrong'));
    expect(failure.exitCode).toBe(1);
    expect(failure.message).not.toMatch(/abc123/);
    expect(failure.message).toMatch(/TypeError/);
    expect(describeFailure('a string').message).toMatch(/unexpected/);
  });
});

describe('loginTimeoutMs', () => {
  it('5 minutes unless PACEBAR_LOGIN_TIMEOUT_MS shortens it', () => {
    expect(loginTimeoutMs({})).toBe(300_000);
    expect(loginTimeoutMs({ PACEBAR_LOGIN_TIMEOUT_MS: '1500' })).toBe(1500);
    expect(loginTimeoutMs({ PACEBAR_LOGIN_TIMEOUT_MS: '0' })).toBe(300_000);
    expect(loginTimeoutMs({ PACEBAR_LOGIN_TIMEOUT_MS: 'soon' })).toBe(300_000);
    expect(loginTimeoutMs({ PACEBAR_LOGIN_TIMEOUT_MS: '99999999' })).toBe(300_000);
  });
});

describe('firstRetryDelayFromEnv', () => {
  it('the default 500 ms back-off unless PACEBAR_RETRY_DELAY_MS shortens it', () => {
    expect(firstRetryDelayFromEnv({})).toBe(500);
    expect(firstRetryDelayFromEnv({ PACEBAR_RETRY_DELAY_MS: '0' })).toBe(0);
    expect(firstRetryDelayFromEnv({ PACEBAR_RETRY_DELAY_MS: ' 120 ' })).toBe(120);
    expect(firstRetryDelayFromEnv({ PACEBAR_RETRY_DELAY_MS: '-5' })).toBe(500);
    expect(firstRetryDelayFromEnv({ PACEBAR_RETRY_DELAY_MS: 'none' })).toBe(500);
    expect(firstRetryDelayFromEnv({ PACEBAR_RETRY_DELAY_MS: '60000' })).toBe(500);
  });
});

describe('readSecret', () => {
  function stdinWith(text: string): NodeJS.ReadStream {
    const stream = new PassThrough();
    stream.end(text);
    return stream as unknown as NodeJS.ReadStream;
  }

  it('reads all of stdin, trimmed', async () => {
    expect(await readAllStdin(stdinWith('  s3cr3t\n'))).toBe('s3cr3t');
    expect(await readClientSecret({ fromStdin: true, stdin: stdinWith('abc\r\n'), write: () => {} })).toBe('abc');
  });

  it('empty stdin, or no terminal to prompt on, is a usage error', async () => {
    await expect(readClientSecret({ fromStdin: true, stdin: stdinWith('\n'), write: () => {} })).rejects.toMatchObject({ exitCode: 2 });
    await expect(readClientSecret({ fromStdin: false, stdin: stdinWith('abc'), write: () => {} })).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/--client-secret-stdin/) });
  });

  it('the prompt does not echo and handles backspace', async () => {
    const stream = new PassThrough() as unknown as NodeJS.ReadStream & { isTTY: boolean; isRaw: boolean; setRawMode(mode: boolean): unknown };
    const rawModes: boolean[] = [];
    stream.isTTY = true;
    stream.isRaw = false;
    stream.setRawMode = (mode: boolean) => {
      rawModes.push(mode);
      return stream;
    };
    const written: string[] = [];
    const pending = readClientSecret({ fromStdin: false, stdin: stream, write: (text) => written.push(text) });
    (stream as unknown as PassThrough).write('abx\u007fc\r');
    expect(await pending).toBe('abc');
    expect(rawModes).toEqual([true, false]);
    expect(written.join('')).not.toMatch(/ab/);
  });
});
