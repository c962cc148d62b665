import { describe, expect, it } from 'vitest';
import { errorForStatus, missingPermissions, transportError } from '../../../core/api/httpClient';
import {
  BadResponseError,
  ForbiddenError,
  MissingScopeError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
} from '../../../core/errors';

const missingActivityRead = {
  message: 'Authorization Error',
  errors: [{ resource: 'AccessToken', field: 'activity:read_permission', code: 'missing' }],
};

describe('missingPermissions', () => {
  it('names the scope from a *_permission field', () => {
    expect(missingPermissions(missingActivityRead)).toEqual(['activity:read']);
  });

  it('accepts either the "missing" code or the *_permission field alone', () => {
    expect(missingPermissions({ errors: [{ resource: 'AccessToken', field: 'profile:read_all_permission', code: 'invalid' }] })).toEqual([
      'profile:read_all',
    ]);
    expect(missingPermissions({ errors: [{ resource: 'AccessToken', field: 'read', code: 'missing' }] })).toEqual(['read']);
    expect(missingPermissions({ errors: [{ code: 'missing' }] })).toEqual(['unknown']);
  });

  it('lists several missing permissions in order and skips unrelated entries', () => {
    const body = {
      errors: [
        { resource: 'AccessToken', field: 'activity:read_permission', code: 'missing' },
        { resource: 'Athlete', field: 'id', code: 'invalid' },
        { resource: 'AccessToken', field: 'profile:read_all_permission', code: 'missing' },
      ],
    };
    expect(missingPermissions(body)).toEqual(['activity:read', 'profile:read_all']);
  });

  it('is empty for bodies that are not Strava faults', () => {
    for (const body of [null, undefined, 'text', 42, [], {}, { errors: 'nope' }, { errors: [{ field: 5 }] }, { errors: [{ resource: 'Athlete', code: 'forbidden' }] }]) {
      expect(missingPermissions(body)).toEqual([]);
    }
  });
});

describe('errorForStatus', () => {
  it('401 → UnauthorizedError', () => {
    const error = errorForStatus(401, { message: 'Authorization Error' });
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error.code).toBe('unauthorized');
  });

  it('403 naming a missing permission → MissingScopeError with the scope names', () => {
    const error = errorForStatus(403, missingActivityRead);
    expect(error).toBeInstanceOf(MissingScopeError);
    expect((error as MissingScopeError).missing).toEqual(['activity:read']);
    expect(error.code).toBe('missing_scope');
    expect(error.message).toContain('activity:read');
  });

  it('403 with a "missing" code → MissingScopeError', () => {
    const error = errorForStatus(403, { errors: [{ resource: 'AccessToken', field: 'profile:read_all', code: 'missing' }] });
    expect(error).toBeInstanceOf(MissingScopeError);
    expect((error as MissingScopeError).missing).toEqual(['profile:read_all']);
  });

  it('any other 403 → ForbiddenError', () => {
    for (const body of [null, {}, { message: 'Forbidden' }, { errors: [{ resource: 'Athlete', field: 'id', code: 'forbidden' }] }]) {
      const error = errorForStatus(403, body);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error).not.toBeInstanceOf(MissingScopeError);
      expect(error.code).toBe('forbidden');
    }
  });

  it('404 → NotFoundError', () => {
    expect(errorForStatus(404, { message: 'Record Not Found' })).toBeInstanceOf(NotFoundError);
    expect(errorForStatus(404, null).code).toBe('not_found');
  });

  it('5xx → ServerError carrying the status', () => {
    for (const status of [500, 502, 503, 504, 599]) {
      const error = errorForStatus(status, null);
      expect(error).toBeInstanceOf(ServerError);
      expect((error as ServerError).status).toBe(status);
      expect(error.message).toContain(`HTTP ${status}`);
    }
  });

  it('other 4xx → BadResponseError naming the status', () => {
    for (const status of [400, 402, 405, 409, 422]) {
      const error = errorForStatus(status, { message: 'Bad Request', errors: [{ field: 'after', code: 'invalid' }] });
      expect(error).toBeInstanceOf(BadResponseError);
      expect(error.message).toContain(`HTTP ${status}`);
    }
  });

  it('never echoes the response body in the message', () => {
    const body = { message: 'token=SECRET_abc123', errors: [{ resource: 'X', field: 'SECRET_field', code: 'SECRET_code' }] };
    for (const status of [400, 401, 403, 404, 418, 500]) {
      const message = errorForStatus(status, body).message;
      expect(message).not.toContain('SECRET');
      expect(message).not.toContain('\n');
    }
  });
});

describe('transportError', () => {
  it('passes Pacebar errors through unchanged', () => {
    const original = new RateLimitedError(Date.UTC(2026, 0, 1));
    expect(transportError(original)).toBe(original);
    const bad = new BadResponseError('response too large');
    expect(transportError(bad)).toBe(bad);
  });

  it('maps undici timeouts to TimeoutError', () => {
    for (const code of ['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']) {
      const error = transportError(Object.assign(new Error('Headers Timeout Error'), { code }));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error.code).toBe('timeout');
    }
  });

  it('maps socket and undici error codes to friendly NetworkError details', () => {
    const cases: Record<string, string> = {
      ECONNREFUSED: 'connection refused',
      ECONNRESET: 'connection reset',
      ENOTFOUND: 'host not found',
      EAI_AGAIN: 'DNS lookup failed',
      ENETUNREACH: 'network unreachable',
      EHOSTUNREACH: 'host unreachable',
      UND_ERR_SOCKET: 'connection dropped',
      UND_ERR_CLOSED: 'connection closed',
      UND_ERR_ABORTED: 'request aborted',
    };
    for (const [code, detail] of Object.entries(cases)) {
      const error = transportError(Object.assign(new Error(`connect ${code} https://www.strava.com/api/v3/athlete?access_token=SECRET`), { code }));
      expect(error).toBeInstanceOf(NetworkError);
      expect(error.code).toBe('network');
      expect(error.message).toContain(`(${detail})`);
      expect(error.message).not.toContain('SECRET');
      expect(error.message).not.toContain('strava.com/api');
    }
  });

  it('names an unknown string code but nothing else', () => {
    const error = transportError(Object.assign(new Error('weird failure at https://x/?token=SECRET'), { code: 'EPROTO' }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toContain('EPROTO');
    expect(error.message).not.toContain('SECRET');
  });

  it('falls back to "connection failed" without a code, for any thrown value', () => {
    for (const thrown of [new Error('boom SECRET'), new TypeError('fetch failed SECRET'), 'SECRET string', null, undefined, 42, { code: 7 }]) {
      const error = transportError(thrown);
      expect(error).toBeInstanceOf(NetworkError);
      expect(error.message).toContain('connection failed');
      expect(error.message).not.toContain('SECRET');
    }
  });
});
