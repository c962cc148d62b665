import { describe, expect, it } from 'vitest';
import {
  AppInactiveError,
  AthleteLimitError,
  BadResponseError,
  CertificateError,
  ProxyError,
  ConnectCancelledError,
  ConnectTimeoutError,
  describeError,
  ForbiddenError,
  InvalidClientError,
  InvalidCodeError,
  InvalidInputError,
  KeychainUnavailableError,
  MissingScopeError,
  NetworkError,
  NoCredentialsError,
  NotConnectedError,
  NotFoundError,
  PacebarError,
  RateLimitedError,
  ReconnectNeededError,
  RedirectError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
} from '../../core/errors';

const GENERIC = 'Something unexpected went wrong. Try again; if it keeps happening, restart Pacebar.';

describe('describeError', () => {
  it('is generic for non-Pacebar errors and never leaks their message', () => {
    const secret = 'refresh_token=abcdef0123456789';
    for (const thrown of [new Error(secret), new TypeError(`Cannot read properties of undefined (${secret})`), secret, { message: secret }, null, undefined, 0]) {
      const text = describeError(thrown);
      expect(text).toBe(GENERIC);
      expect(text).not.toContain('abcdef');
    }
  });

  it('passes a Pacebar error message through', () => {
    expect(describeError(new ReconnectNeededError())).toBe('Strava access was revoked or expired. Connect to Strava again.');
    expect(describeError(new InvalidInputError('Client ID must be a number.'))).toBe('Client ID must be a number.');
  });

  it('treats an Error that merely claims a Pacebar code as foreign', () => {
    const impostor = Object.assign(new Error('leak SECRET'), { code: 'network' });
    expect(describeError(impostor)).toBe(GENERIC);
    expect(impostor).not.toBeInstanceOf(PacebarError);
  });
});

describe('Pacebar errors', () => {
  const all: PacebarError[] = [
    new NetworkError('connection refused'),
    new ProxyError('ERR_PROXY_CONNECTION_FAILED'),
    new CertificateError('ERR_CERT_AUTHORITY_INVALID'),
    new TimeoutError(),
    new ServerError(503),
    new BadResponseError('athlete: id expected number'),
    new UnauthorizedError(),
    new MissingScopeError(['activity:read', 'profile:read_all']),
    new RateLimitedError(Date.UTC(2026, 0, 1, 12, 15)),
    new NotFoundError('such record'),
    new ForbiddenError(),
    new InvalidClientError(),
    new InvalidCodeError(),
    new ReconnectNeededError(),
    new NotConnectedError(),
    new NoCredentialsError(),
    new KeychainUnavailableError('locked'),
    new RedirectError('access_denied'),
    new RedirectError('state_mismatch'),
    new RedirectError('missing_code'),
    new RedirectError('strava_error'),
    new ConnectCancelledError(),
    new ConnectTimeoutError(),
    new ConnectTimeoutError(true),
    new AppInactiveError(),
    new AthleteLimitError(),
    new InvalidInputError('Bad input.'),
  ];

  it('each has a one-line message, its class name and a code, and is recognised', () => {
    for (const error of all) {
      expect(error).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(PacebarError);
      expect(error.message.length).toBeGreaterThan(5);
      expect(error.message).not.toContain('\n');
      expect(error.name).toBe(error.constructor.name);
      expect(error.code).toMatch(/^[a-z_]+$/);
    }
  });

  it('messages carry the details they promise', () => {
    expect(new MissingScopeError(['activity:read', 'profile:read_all']).message).toContain('activity:read, profile:read_all');
    // When it resets is each surface's to say, in the user's time zone: never a UTC timestamp here.
    expect(new RateLimitedError(Date.UTC(2026, 0, 1, 12, 15)).message).not.toMatch(/\d{4}-\d{2}-\d{2}T|12:15/);
    expect(new ServerError(502).message).toContain('HTTP 502');
    expect(new KeychainUnavailableError('locked', 'linux').message).toMatch(/^Your keyring is locked: unlock it/);
  });

  it('the developer program\'s failures say what happened and what to do', () => {
    const inactive = new AppInactiveError().message;
    expect(inactive).toContain('inactive');
    expect(inactive).toContain('subscription');
    expect(inactive).toContain('the Strava account that owns it');
    expect(inactive).toContain('reactivate the application at https://www.strava.com/settings/api');
    const limit = new AthleteLimitError().message;
    expect(limit).toContain('limit of 10 connected athletes');
    expect(limit).toContain('https://www.strava.com/settings/apps');
    expect(limit).toContain('each person can use their own');
    expect(new ConnectTimeoutError().message).not.toContain('athletes');
  });

  it('each redirect problem has its own message', () => {
    const messages = (['access_denied', 'state_mismatch', 'missing_code', 'strava_error'] as const).map((problem) => new RedirectError(problem).message);
    expect(new Set(messages).size).toBe(4);
  });
});
