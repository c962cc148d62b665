import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RedirectError } from '../../../core/errors';
import { isRegisteredRedirect, matchRedirect, type RedirectOutcome } from '../../../core/oauth/redirectMatcher';
import { anyString, propertyTest, runs } from '../../support/properties';

const REGISTERED = 'http://127.0.0.1:54321/callback';
const STATE = 'Zm9vYmFyLXN0YXRlLXRoYXQtaXMtbG9uZy1lbm91Z2g';

function at(url: string, state = STATE): RedirectOutcome {
  return matchRedirect(REGISTERED, url, state);
}

function problemOf(outcome: RedirectOutcome): string {
  if (outcome.kind !== 'error') throw new Error(`expected an error outcome, got ${outcome.kind}`);
  expect(outcome.error).toBeInstanceOf(RedirectError);
  expect(outcome.error.code).toBe('redirect');
  return outcome.error.problem;
}

describe('matchRedirect: the registered redirect', () => {
  it('yields the code and the granted scopes', () => {
    const outcome = at(`${REGISTERED}?state=${STATE}&code=abc123&scope=read,activity:read_all`);
    expect(outcome).toEqual({ kind: 'code', code: 'abc123', scopes: ['read', 'activity:read_all'] });
  });

  it('decodes encoded values and accepts space-separated scopes', () => {
    const outcome = at(`${REGISTERED}?code=a%2Fb%40c&state=${STATE}&scope=read%20profile%3Aread_all`);
    expect(outcome).toEqual({ kind: 'code', code: 'a/b@c', scopes: ['read', 'profile:read_all'] });
  });

  it('yields no scopes when scope is absent', () => {
    expect(at(`${REGISTERED}?code=abc&state=${STATE}`)).toEqual({ kind: 'code', code: 'abc', scopes: [] });
  });

  it('ignores a fragment and unrelated parameters', () => {
    expect(at(`${REGISTERED}?foo=1&code=abc&state=${STATE}#frag`)).toEqual({ kind: 'code', code: 'abc', scopes: [] });
  });

  it('matches an explicit default port against a registration without one', () => {
    expect(matchRedirect('http://localhost/cb', `http://localhost:80/cb?code=x&state=${STATE}`, STATE).kind).toBe('code');
    expect(matchRedirect('https://example.com/cb', `https://example.com:443/cb?code=x&state=${STATE}`, STATE).kind).toBe('code');
  });
});

describe('matchRedirect: anything that is not exactly the registered redirect', () => {
  const notRedirect = [
    ['another scheme', `https://127.0.0.1:54321/callback?code=abc&state=${STATE}`],
    ['another host', `http://localhost:54321/callback?code=abc&state=${STATE}`],
    ['a lookalike host', `http://127.0.0.1.evil.example:54321/callback?code=abc&state=${STATE}`],
    ['a host hidden behind a fragment', `http://evil.example#@127.0.0.1:54321/callback?code=abc&state=${STATE}`],
    ['userinfo that looks like the host', `http://127.0.0.1@evil.example:54321/callback?code=abc&state=${STATE}`],
    ['userinfo on the right host', `http://user@127.0.0.1:54321/callback?code=abc&state=${STATE}`],
    ['user and password on the right host', `http://user:pw@127.0.0.1:54321/callback?code=abc&state=${STATE}`],
    ['empty userinfo password', `http://:pw@127.0.0.1:54321/callback?code=abc&state=${STATE}`],
    ['another port', `http://127.0.0.1:54322/callback?code=abc&state=${STATE}`],
    ['the default port', `http://127.0.0.1/callback?code=abc&state=${STATE}`],
    ['another path', `http://127.0.0.1:54321/other?code=abc&state=${STATE}`],
    ['a trailing slash', `http://127.0.0.1:54321/callback/?code=abc&state=${STATE}`],
    ['a sub-path', `http://127.0.0.1:54321/callback/x?code=abc&state=${STATE}`],
    ['a case change', `http://127.0.0.1:54321/Callback?code=abc&state=${STATE}`],
    ['an encoded slash', `http://127.0.0.1:54321/callback%2F?code=abc&state=${STATE}`],
    ['an encoded at sign', `http://127.0.0.1:54321/callback%40evil?code=abc&state=${STATE}`],
    ['an encoded letter', `http://127.0.0.1:54321/%63allback?code=abc&state=${STATE}`],
    ['the root', `http://127.0.0.1:54321/?code=abc&state=${STATE}`],
    ['not a URL', 'callback?code=abc'],
    ['an empty string', ''],
    ['a javascript URL', 'javascript:alert(1)//127.0.0.1:54321/callback'],
  ] as const;

  for (const [what, url] of notRedirect) {
    it(`rejects ${what} as not the redirect`, () => {
      expect(at(url)).toEqual({ kind: 'not_redirect' });
    });
  }
});

describe('matchRedirect: typed errors', () => {
  it('access_denied when the user cancels on Strava', () => {
    expect(problemOf(at(`${REGISTERED}?state=${STATE}&error=access_denied`))).toBe('access_denied');
  });

  it('strava_error for any other error parameter, even with a code', () => {
    expect(problemOf(at(`${REGISTERED}?state=${STATE}&error=server_error`))).toBe('strava_error');
    expect(problemOf(at(`${REGISTERED}?state=${STATE}&error=&code=abc`))).toBe('strava_error');
    expect(problemOf(at(`${REGISTERED}?state=${STATE}&code=abc&error=access_denied`))).toBe('access_denied');
  });

  it('state_mismatch for a wrong, missing, empty or differently-cased state', () => {
    expect(problemOf(at(`${REGISTERED}?state=other&code=abc`))).toBe('state_mismatch');
    expect(problemOf(at(`${REGISTERED}?code=abc`))).toBe('state_mismatch');
    expect(problemOf(at(`${REGISTERED}?state=&code=abc`))).toBe('state_mismatch');
    expect(problemOf(at(`${REGISTERED}?state=${STATE.toUpperCase()}&code=abc`))).toBe('state_mismatch');
    expect(problemOf(at(`${REGISTERED}?state=${STATE}x&code=abc`))).toBe('state_mismatch');
  });

  it('state is checked before the error, so a forged cancel is still a mismatch', () => {
    expect(problemOf(at(`${REGISTERED}?state=forged&error=access_denied`))).toBe('state_mismatch');
  });

  it('an empty expected state never matches an empty or missing state', () => {
    expect(problemOf(matchRedirect(REGISTERED, `${REGISTERED}?state=&code=abc`, ''))).toBe('state_mismatch');
    expect(problemOf(matchRedirect(REGISTERED, `${REGISTERED}?code=abc`, ''))).toBe('state_mismatch');
  });

  it('missing_code when the code is absent or empty', () => {
    expect(problemOf(at(`${REGISTERED}?state=${STATE}`))).toBe('missing_code');
    expect(problemOf(at(`${REGISTERED}?state=${STATE}&code=`))).toBe('missing_code');
  });

  it('repeated parameters are ambiguous and count as absent', () => {
    expect(problemOf(at(`${REGISTERED}?state=${STATE}&state=${STATE}&code=abc`))).toBe('state_mismatch');
    expect(problemOf(at(`${REGISTERED}?state=${STATE}&state=evil&code=abc`))).toBe('state_mismatch');
    expect(problemOf(at(`${REGISTERED}?state=${STATE}&code=abc&code=def`))).toBe('missing_code');
    expect(problemOf(at(`${REGISTERED}?state=${STATE}&code=abc&code=abc`))).toBe('missing_code');
    // A repeated scope is ambiguous: the code still counts, the scopes do not.
    expect(at(`${REGISTERED}?state=${STATE}&code=abc&scope=read&scope=activity:read_all`)).toEqual({ kind: 'code', code: 'abc', scopes: [] });
  });

  it('error messages are one line and contain no part of the URL', () => {
    const outcome = at(`${REGISTERED}?state=${STATE}&error=SECRET_DETAIL_xyz`);
    if (outcome.kind !== 'error') throw new Error('expected error');
    expect(outcome.error.message).not.toContain('SECRET_DETAIL_xyz');
    expect(outcome.error.message).not.toContain(STATE);
    expect(outcome.error.message).not.toContain('\n');
  });
});

describe('matchRedirect: spellings the URL Standard makes identical', () => {
  it('accepts forms every browser normalises to the registered URL before sending it', () => {
    for (const spelling of [
      'HTTP://127.0.0.1:54321/callback',
      'http:/127.0.0.1:54321/callback',
      'http://127.0.0.1:054321/callback',
      'http://127.0.0.1:54321/x/../callback',
    ]) {
      expect(at(`${spelling}?code=abc&state=${STATE}`), spelling).toEqual({ kind: 'code', code: 'abc', scopes: [] });
    }
  });
});

describe('isRegisteredRedirect', () => {
  it('compares scheme, host, effective port and path, and refuses userinfo', () => {
    const registered = new URL(REGISTERED);
    expect(isRegisteredRedirect(registered, new URL('http://127.0.0.1:54321/callback?x=1'))).toBe(true);
    expect(isRegisteredRedirect(registered, new URL('http://127.0.0.1:54321/callback/'))).toBe(false);
    expect(isRegisteredRedirect(registered, new URL('http://a@127.0.0.1:54321/callback'))).toBe(false);
    expect(isRegisteredRedirect(new URL('http://127.0.0.1/callback'), new URL('http://127.0.0.1:80/callback'))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests: the matcher faces whatever a browser or an attacker can put in the address bar.

/** What a URL must look like to yield a code, judged independently of the matcher. */
function oracleCode(candidate: string, expectedState: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1' || url.port !== '54321' || url.pathname !== '/callback') return null;
  if (url.username !== '' || url.password !== '') return null;
  const states = url.searchParams.getAll('state');
  if (states.length !== 1 || states[0] !== expectedState || expectedState === '') return null;
  if (url.searchParams.has('error')) return null;
  const codes = url.searchParams.getAll('code');
  if (codes.length !== 1 || !codes[0]) return null;
  return codes[0];
}

const goodHost = fc.constant({ text: '127.0.0.1', good: true });
const badHost = fc.constantFrom(
  '127.0.0.1.evil.example',
  'evil.example#@127.0.0.1',
  'evil.example?@127.0.0.1',
  'evil.example/@127.0.0.1',
  '127.0.0.1@evil.example',
  '127.0.0.1:54321@evil.example',
  'localhost',
  '127.0.0.2',
  '[::1]',
  'evil.example',
  '127.0.0.1%2Fevil.example',
  '127.0.0.1%40evil.example',
  '127.0.0.1%2eevil.example',
  'xn--127-0-0-1',
  '',
).map((text) => ({ text, good: false }));

// "good" includes spellings the WHATWG URL Standard (and so every browser) turns into the very same
// URL before it is sent: they are the registered redirect, not lookalikes.
const schemes = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ text: 'http://', good: true }) },
  fc.constantFrom('HTTP://', 'hTtP://', 'http:/', 'http:', 'http:///', 'http:\\\\').map((text) => ({ text, good: true })),
  fc.constantFrom('https://', 'ftp://', 'ws://', 'file://', 'javascript:', '//', '', 'htp://', 'http;//').map((text) => ({ text, good: false })),
);
const userinfos = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ text: '', good: true }) },
  // An empty userinfo is dropped by the URL Standard: the same URL.
  fc.constantFrom('@', ':@').map((text) => ({ text, good: true })),
  fc.constantFrom('user@', 'user:pw@', ':pw@', 'user:@', '127.0.0.1@', 'evil.example@', 'a%40b@', 'u%2Fv@').map((text) => ({ text, good: false })),
);
const ports = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ text: ':54321', good: true }) },
  fc.constant({ text: ':054321', good: true }),
  fc.constantFrom('', ':', ':80', ':54322', ':5432', ':543210', ':443', ':-1', ':54321x', ':%35%34%33%32%31').map((text) => ({ text, good: false })),
  fc.integer({ min: 0, max: 70_000 }).filter((port) => port !== 54321).map((port) => ({ text: `:${port}`, good: false })),
);
const paths = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ text: '/callback', good: true }) },
  fc.constantFrom('/x/../callback', '/./callback', '/%2e/callback', '/callback/x/..').map((text) => ({ text, good: true })),
  fc
    .constantFrom('', '/', '/callback/', '/Callback', '/CALLBACK', '/callback%2F', '/callback%40', '/%63allback', '/callback/x', '//callback', '/callback;x', '/callback%00', '/callback/..', '/x/callback', '/callbackx', '/callback%2F..%2F')
    .map((text) => ({ text, good: false })),
);

const goodState = fc.stringMatching(/^[A-Za-z0-9_-]{8,44}$/);
const paramName = fc.constantFrom('code', 'state', 'scope', 'error', 'foo', 'Code', 'STATE', 'state ', 'c%6fde', 'st%61te', 'code[]', 'error_description');
const paramValue = (state: string) =>
  fc.oneof(
    fc.constant(state),
    fc.constant(''),
    fc.constant('access_denied'),
    fc.constant('read,activity:read_all'),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.constantFrom('a%2Fb', '%40', '%', '%zz', '+', '&', '=', '#', '?'),
  );
const paramEncoding = fc.constantFrom('encoded', 'raw');

const randomPairs = (state: string) =>
  fc
    .array(fc.tuple(paramName, paramValue(state), paramEncoding), { maxLength: 6 })
    .map((pairs) => pairs.map(([name, value, encoding]) => `${name}=${encoding === 'encoded' ? encodeURIComponent(value) : value}`));

// Half the time start from a well-formed answer (right state, one code) and add noise to it, so
// the "yields a code" branch is exercised as much as the refusals.
const query = (state: string) =>
  fc.oneof(
    randomPairs(state).map((pairs) => pairs.join('&')),
    fc
      .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), fc.array(fc.constantFrom('scope=read', 'foo=1', 'error=x', `state=${state}`, 'code=zz', 'state=bad'), { maxLength: 2 }))
      .chain(([code, extras]) => {
        const parts = [`state=${state}`, `code=${encodeURIComponent(code)}`, ...extras];
        return fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length }).map((shuffled) => shuffled.join('&'));
      }),
  );

const candidateUrl = goodState.chain((state) =>
  fc
    .record({
      scheme: schemes,
      userinfo: userinfos,
      host: fc.oneof({ weight: 3, arbitrary: goodHost }, badHost),
      port: ports,
      path: paths,
      query: query(state),
      fragment: fc.constantFrom('', '#', '#x', '#@evil.example', '#code=abc&state=' + state),
    })
    .map((parts) => ({
      state,
      url: `${parts.scheme.text}${parts.userinfo.text}${parts.host.text}${parts.port.text}${parts.path.text}?${parts.query}${parts.fragment}`,
      locationIsRegistered:
        parts.scheme.good && parts.userinfo.good && parts.host.good && parts.port.good && parts.path.good,
    })),
);

function assertWellFormed(outcome: RedirectOutcome): void {
  expect(['not_redirect', 'code', 'error']).toContain(outcome.kind);
  if (outcome.kind === 'error') {
    expect(outcome.error).toBeInstanceOf(RedirectError);
    expect(['access_denied', 'state_mismatch', 'missing_code', 'strava_error']).toContain(outcome.error.problem);
  }
  if (outcome.kind === 'code') {
    expect(typeof outcome.code).toBe('string');
    expect(outcome.code.length).toBeGreaterThan(0);
    expect(Array.isArray(outcome.scopes)).toBe(true);
  }
}

describe('matchRedirect properties', () => {
  it('built URLs: never throws, and yields a code exactly when scheme/host/port/path/userinfo and one right state line up', propertyTest, () => {
    // About 7% of these URLs yield a code: enough runs that the coverage floor below never flakes.
    const RUNS = runs(2_000);
    const seen = { not_redirect: 0, code: 0, error: 0 };
    fc.assert(
      fc.property(candidateUrl, ({ state, url, locationIsRegistered }) => {
        let outcome: RedirectOutcome | undefined;
        expect(() => {
          outcome = matchRedirect(REGISTERED, url, state);
        }).not.toThrow();
        if (!outcome) return false;
        assertWellFormed(outcome);
        seen[outcome.kind] += 1;
        const expected = oracleCode(url, state);
        if (outcome.kind === 'code') {
          expect(locationIsRegistered).toBe(true);
          expect(outcome.code).toBe(expected);
        } else {
          expect(expected).toBeNull();
        }
        // Anything whose location is not the registered one is never treated as the redirect.
        if (!locationIsRegistered) expect(outcome.kind).toBe('not_redirect');
        return true;
      }),
      RUNS,
    );
    // The generator must really exercise all three outcomes, or the property proves little.
    expect(seen.code).toBeGreaterThan(RUNS.numRuns * 0.05);
    expect(seen.error).toBeGreaterThan(RUNS.numRuns * 0.05);
    expect(seen.not_redirect).toBeGreaterThan(RUNS.numRuns * 0.1);
  });

  it('arbitrary strings as URLs: never throws, and a code only comes from the exact registered redirect', propertyTest, () => {
    const arbitraryUrl = fc.oneof(
      anyString({ maxLength: 80 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.string({ unit: 'grapheme', maxLength: 40 }).map((tail) => `${REGISTERED}${tail}`),
      fc.string({ unit: 'grapheme', maxLength: 40 }).map((head) => `${head}${REGISTERED}?code=abc&state=${STATE}`),
      fc.string({ unit: 'grapheme-ascii', maxLength: 40 }).map((tail) => `http://127.0.0.1:54321/callback?state=${STATE}&code=${tail}`),
    );
    fc.assert(
      fc.property(arbitraryUrl, fc.oneof(fc.constant(STATE), fc.string({ maxLength: 10 })), (url, state) => {
        const outcome = matchRedirect(REGISTERED, url, state);
        assertWellFormed(outcome);
        const expected = oracleCode(url, state);
        if (outcome.kind === 'code') expect(outcome.code).toBe(expected);
        else expect(expected).toBeNull();
      }),
      runs(1_000),
    );
  });

  it('repeating state or code, in any order and with any other parameters, never yields a code', propertyTest, () => {
    const repeatedQuery = fc
      .record({
        repeated: fc.constantFrom('state', 'code'),
        values: fc.array(fc.oneof(fc.constant(STATE), fc.constant('abc'), fc.string({ unit: 'grapheme-ascii', maxLength: 6 })), { minLength: 2, maxLength: 4 }),
        others: fc.array(fc.constantFrom(`state=${STATE}`, 'code=abc', 'scope=read', 'foo=bar', 'error=access_denied'), { maxLength: 3 }),
      })
      .chain(({ repeated, values, others }) => {
        const parts = [
          ...values.map((value) => `${repeated}=${encodeURIComponent(value)}`),
          ...others.filter((part) => !part.startsWith(`${repeated}=`)),
        ];
        return fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length }).map((shuffled) => shuffled.join('&'));
      });
    fc.assert(
      fc.property(repeatedQuery, (queryText) => {
        const outcome = at(`${REGISTERED}?${queryText}`);
        assertWellFormed(outcome);
        expect(outcome.kind).toBe('error');
      }),
      runs(1_000),
    );
  });
});
