// The built `pacebar` command end to end against the Strava simulator: setup, login through a
// stand-in browser, status in every format, token rotation, failures, logout; and no token or
// secret ever printed or written to the config folder.
import { createRequire } from 'node:module';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { createContext } from '../../cli/context';
import { main } from '../../cli/main';
import { CLI_WALK_STEPS, walkSteps } from '../../cli/commands/status';
import { browserConsentRunner } from '../../core/oauth/browserConsent';
import { simulatedBrowser } from '../../sim/browser';
import type { PacebarEngine } from '../../core/engine/engine';
import { DEMO_CLIENT, startStravaSim, type StravaSim } from '../../sim/index';
import { buildCliOnce, cleanEnv, deadPort, filesUnder, newAccount, runCli, transcript, type Account, type RunResult } from './cliHarness';
import { formatClockTime } from '../../core/view/format';

const keytar = createRequire(import.meta.url)('keytar') as {
  getPassword(service: string, account: string): Promise<string | null>;
};

const ATHLETE_NAME = 'Zoë Ødegård-Núñez';

function expectOneErrorLine(result: RunResult, pattern: RegExp): void {
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^pacebar: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

/**
 * With a browser opened, no address to copy: one line says where to look. (Windows plays the
 * browser from the printed address: --no-open.)
 */
function expectBrowserLines(result: RunResult): void {
  if (process.platform === 'win32') {
    expect(result.stderr).toMatch(/^Open this URL to connect: http/m);
    return;
  }
  expect(result.stderr).toMatch(/^Opened Strava in your browser; waiting for its answer… \(no browser window\? Ctrl-C, then: pacebar login --no-open\)$/m);
  expect(result.stderr).not.toMatch(/Open this URL|oauth\/authorize/);
}

function json(result: RunResult): Record<string, any> {
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Record<string, any>;
}

const sims: StravaSim[] = [];
const accounts: Account[] = [];

async function sim(): Promise<StravaSim> {
  // The command runs on the real clock: the sim's clock starts there too.
  const started = await startStravaSim({ now: Date.now() });
  sims.push(started);
  return started;
}

function account(baseUrl: string): Account {
  const created = newAccount(baseUrl);
  accounts.push(created);
  return created;
}

/** Runs `work` on the very engine the command builds for this account (same folder, keychain and Strava). */
async function withEngine<T>(a: Account, work: (engine: PacebarEngine) => Promise<T>): Promise<T> {
  // The command's own engine, built in-process exactly as `pacebar` builds it.
  const ctx = createContext({
    env: a.env(),
    platform: process.platform,
    stdin: process.stdin,
    out: () => {},
    err: () => {},
    errText: () => {},
    signal: new AbortController().signal,
  });
  try {
    return await work(await ctx.engine());
  } finally {
    await ctx.close();
  }
}

interface Start {
  strava: StravaSim;
  a: Account;
}

/** A new simulator and an account that has never run anything. */
async function fresh(): Promise<Start> {
  const strava = await sim();
  return { strava, a: account(strava.baseUrl) };
}

/** As `pacebar setup` leaves it: the API application stored, not signed in. */
async function setUpAccount(): Promise<Start> {
  const start = await fresh();
  await withEngine(start.a, (engine) => engine.credentials.save(DEMO_CLIENT.clientId, DEMO_CLIENT.clientSecret));
  return start;
}

/** As `pacebar login` leaves it: signed in, with a fresh cache and the history counted (login's walk steps). */
async function connectedAccount(): Promise<Start> {
  const start = await setUpAccount();
  await withEngine(start.a, async (engine) => {
    const runner = browserConsentRunner({ stravaBaseUrl: start.strava.baseUrl, openExternal: simulatedBrowser() });
    await engine.signIn(runner, { signal: new AbortController().signal });
    await walkSteps(engine, CLI_WALK_STEPS);
  });
  return start;
}


beforeAll(() => {
  buildCliOnce();
});

// One `pacebar logout` per account, a few at a time: minutes on a loaded machine, not seconds.
afterAll(async () => {
  // Leave nothing in the test keyring (a few at a time), then check nothing secret ever showed up.
  const pending = [...accounts];
  const logOut = async () => {
    for (let a = pending.shift(); a; a = pending.shift()) await a.run(['logout', '--forget-credentials']);
  };
  await Promise.all([logOut(), logOut(), logOut()]);
  const secrets = sims.flatMap((s) => s.issuedSecrets());
  expect(secrets.length).toBeGreaterThan(2);
  const files = accounts.flatMap((a) => filesUnder(a.configDir));
  for (const secret of secrets) {
    for (const output of transcript) expect(output.includes(secret), 'a secret was printed').toBe(false);
    for (const file of files) expect(file.text.includes(secret), `a secret is in ${file.path}`).toBe(false);
  }
  for (const s of sims) await s.close();
  for (const a of accounts) a.dispose();
}, 240_000);

// Each test runs the command several times; a busy CI machine needs more than the default 30 s.
// Each starts from the stage of an account's life it is about, with a simulator of its own: fresh,
// set up, or signed in (reached in-process on the command's own engine). No test relies on another.
describe('pacebar: the whole life of an account', { timeout: 90_000 }, () => {
  it('without an API application, status says to run setup (exit 3)', async () => {
    const { a } = await fresh();
    const result = await a.run(['status']);
    expect(result.code).toBe(3);
    expectOneErrorLine(result, /No Strava API application set up\. Run: pacebar setup --client-id ID/);
    expect(result.stdout).toBe('');
  });

  it('login without an API application also says to run setup (exit 3)', async () => {
    const { a } = await fresh();
    const result = await a.run(['login', '--no-open']);
    expect(result.code).toBe(3);
    expectOneErrorLine(result, /pacebar setup/);
  });

  it('setup refuses the secret as an argument, and a missing secret without a terminal', async () => {
    const { a } = await fresh();
    const inArgv = await a.run(['setup', '--client-id', '12345', '--client-secret', DEMO_CLIENT.clientSecret]);
    expect(inArgv.code).toBe(2);
    expectOneErrorLine(inArgv, /not accepted as an argument.*--client-secret-stdin/);
    const noTty = await a.run(['setup', '--client-id', '12345']);
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toMatch(/strava\.com\/settings\/api/);
    expect(noTty.stderr).toMatch(/^pacebar: .*--client-secret-stdin/m);
    const empty = await a.run(['setup', '--client-id', '12345', '--client-secret-stdin'], { input: '  \n' });
    expect(empty.code).toBe(2);
    expectOneErrorLine(empty, /empty/);
  });

  it('setup stores the application from stdin', async () => {
    const { a } = await fresh();
    const result = await a.run(['setup', '--client-id', DEMO_CLIENT.clientId, '--client-secret-stdin'], { input: `  ${DEMO_CLIENT.clientSecret}\n` });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Next: pacebar login/);
    expect(await keytar.getPassword(a.keychainService, `client-secret:${DEMO_CLIENT.clientId}`)).toBe(DEMO_CLIENT.clientSecret);
  });

  it('status before login: not connected (exit 3); waybar shows it and exits 0', async () => {
    const { a } = await setUpAccount();
    const result = await a.run(['status']);
    expect(result.code).toBe(3);
    expectOneErrorLine(result, /^pacebar: Not connected\. Run: pacebar login$/);
    const waybar = await a.run(['status', '--format', 'waybar']);
    expect(waybar.code).toBe(0);
    expect(JSON.parse(waybar.stdout)).toMatchObject({ class: 'disconnected', tooltip: expect.stringMatching(/pacebar login/) });
  });

  it('cancelling on Strava\'s page fails clearly and leaves it not connected', async () => {
    const { a } = await setUpAccount();
    const result = await a.login({ decision: 'cancel' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expectBrowserLines(result);
    expect(result.stderr).toMatch(/^pacebar: .*cancelled/m);
    expect((await a.run(['status'])).code).toBe(3);
  });

  it('login opens $BROWSER with the authorize URL and connects', async () => {
    const { strava, a } = await setUpAccount();
    const tokenCalls = strava.count({ method: 'POST', path: '/oauth/token' });
    const result = await a.login();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`Connected as ${ATHLETE_NAME}\n`);
    expectBrowserLines(result);
    const opened = process.platform === 'win32' ? /Open this URL to connect: (\S+)/.exec(result.stderr)![1]! : a.browserLog().find((line) => line.startsWith('open '))!.slice('open '.length);
    const url = new URL(opened);
    expect(url.origin + url.pathname).toBe(`${strava.baseUrl}/oauth/authorize`);
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(result.stderr).not.toMatch(/warning/);
    expect(strava.count({ method: 'POST', path: '/oauth/token' })).toBe(tokenCalls + 1);
  });

  it('status prints the cache without asking Strava while it is fresh, in every format', async () => {
    const { strava, a } = await connectedAccount();
    const before = strava.requests.length;
    const text = await a.run(['status']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Run · week [\d,.]+ km · YTD [\d,.]+ km\n$/);
    expect(text.stderr).toBe('');

    const body = json(await a.run(['status', '--format', 'json']));
    // The keys scripts read before, and the history's figures beside them.
    expect(Object.keys(body).sort()).toEqual(['application_inactive', 'athlete', 'garmin_attribution', 'history', 'primary_sport', 'records', 'stale', 'stale_reason', 'stats', 'this_week', 'totals', 'updated_at', 'version']);
    expect(body.version).toBe(1);
    expect(body).toMatchObject({ application_inactive: false, garmin_attribution: null });
    expect(body.history).toMatchObject({ state: 'complete', counted: strava.activities().length });
    expect(body.totals.run.all_time.count).toBe(strava.activities().filter((a) => ['Run', 'TrailRun', 'VirtualRun'].includes(a.sport_type)).length);
    // What a status bar shows of the athlete, and nothing else of Strava's record (weight, bio…).
    expect(Object.keys(body.athlete).sort()).toEqual(['city', 'country', 'firstname', 'id', 'lastname', 'measurement_preference', 'name', 'profile', 'profile_medium', 'state']);
    expect(body.athlete).toMatchObject({ id: strava.athleteId, firstname: 'Zoë', name: ATHLETE_NAME });
    expect(body.stats).toHaveProperty('ytd_run_totals');
    for (const sport of ['run', 'ride', 'swim']) {
      expect(Object.keys(body.this_week[sport]).sort()).toEqual(['count', 'distance', 'elevation_gain', 'moving_time']);
    }
    expect(new Date(body.updated_at).toISOString()).toBe(body.updated_at);
    expect(body.stale).toBe(false);

    const waybar = json(await a.run(['status', '--format', 'waybar']));
    expect(Object.keys(waybar).sort()).toEqual(['class', 'text', 'tooltip']);
    expect(waybar.class).toBe('ok');
    expect(waybar.tooltip.split('\n').length).toBeGreaterThanOrEqual(4);
    expect(waybar.tooltip).toMatch(/Run: week .* · 4 weeks .* · YTD /);
    expect(waybar.tooltip).toMatch(/Swim: week /);
    expect(strava.requests.length).toBe(before);
  });

  it('--offline never touches the network', async () => {
    const { strava, a } = await connectedAccount();
    const before = strava.count();
    const result = await a.run(['status', '--offline', '--format', 'json'], { env: { STRAVA_BASE_URL: `http://127.0.0.1:${await deadPort()}` } });
    expect(json(result).stale).toBe(false);
    const again = await a.run(['status', '--offline']);
    expect(again.code).toBe(0);
    expect(strava.count()).toBe(before);
  });

  it('picks up a new activity with --refresh', async () => {
    const { strava, a } = await connectedAccount();
    strava.addActivity({ sport_type: 'Run', distance: 12_345, moving_time: 3600, total_elevation_gain: 50, start: Date.now() - 60_000 });
    const before = json(await a.run(['status', '--offline', '--format', 'json'])).this_week.run;
    const after = json(await a.run(['status', '--refresh', '--format', 'json']));
    expect(after.stale).toBe(false);
    expect(after.this_week.run.count).toBe(before.count + 1);
    expect(after.this_week.run.distance).toBeCloseTo(before.distance + 12_345, 3);
  });

  it('an expired token is refreshed and the rotated refresh token is kept', async () => {
    const { strava, a } = await connectedAccount();
    strava.expireAccessTokens();
    const tokenCalls = strava.count({ method: 'POST', path: '/oauth/token' });
    const first = json(await a.run(['status', '--refresh', '--format', 'json']));
    expect(first.stale).toBe(false);
    expect(strava.count({ method: 'POST', path: '/oauth/token' })).toBe(tokenCalls + 1);
    const refreshes = strava.requests.filter((r) => r.method === 'POST' && r.path === '/oauth/token');
    expect(refreshes.at(-1)!.status).toBe(200);

    // The previous refresh token is void at Strava now: a second rotation only works if the new one was stored.
    strava.expireAccessTokens();
    const second = json(await a.run(['status', '--refresh', '--format', 'json']));
    expect(second.stale).toBe(false);
    expect(strava.count({ method: 'POST', path: '/oauth/token' })).toBe(tokenCalls + 2);
    expect(strava.requests.filter((r) => r.method === 'POST' && r.path === '/oauth/token').at(-1)!.status).toBe(200);
    expect((await a.run(['status', '--refresh'])).code).toBe(0);
  });

  it('a failing Strava with a cache prints the cache marked stale and exits 0', async () => {
    const { strava, a } = await connectedAccount();
    strava.inject({ method: 'GET', path: /^\/api\/v3\//, times: 50, action: { kind: 'status', status: 503 } });
    try {
      const body = json(await a.run(['status', '--refresh', '--format', 'json']));
      expect(body.stale).toBe(true);
      expect(body.athlete.id).toBe(strava.athleteId);
      const text = await a.run(['status', '--offline']);
      expect(text.stdout).toMatch(/ \(stale\)\n$/);
      const waybar = json(await a.run(['status', '--offline', '--format', 'waybar']));
      expect(waybar.class).toBe('stale');
    } finally {
      strava.clearFaults();
    }
    expect(json(await a.run(['status', '--refresh', '--format', 'json'])).stale).toBe(false);
  });

  it('no cache and Strava down: exit 5', async () => {
    const { a } = await connectedAccount();
    rmSync(join(a.configDir, 'cache.json'));
    const down = `http://127.0.0.1:${await deadPort()}`;
    const result = await a.run(['status', '--format', 'json'], { env: { STRAVA_BASE_URL: down } });
    expect(result.code).toBe(5);
    expect(result.stdout).toBe('');
    expectOneErrorLine(result, /reach Strava/);
    const offline = await a.run(['status', '--offline']);
    expect(offline.code).toBe(5);
    expectOneErrorLine(offline, /No cached data/);
    expect(json(await a.run(['status', '--format', 'json'])).stale).toBe(false); // fetched again
  });

  it('revoked access at Strava: reconnect needed (exit 4)', async () => {
    const { strava, a } = await connectedAccount();
    strava.revokeAthleteAccess();
    strava.expireAccessTokens();
    const result = await a.run(['status', '--refresh']);
    expect(result.code).toBe(4);
    expectOneErrorLine(result, /^pacebar: showing cached data: Strava access was revoked or has expired\. Run: pacebar login$/);
    // A status bar keeps showing the last figures, marked stale; the exit code says what happened.
    expect(result.stdout).toMatch(/^Run · week [\d,.]+ km · YTD [\d,.]+ km \(stale: reconnect needed\)\n$/);
    const again = await a.run(['status']);
    expect(again.code).toBe(4);
    expect(again.stdout).toBe(result.stdout);
    const body = await a.run(['status', '--format', 'json']);
    expect(body.code).toBe(4);
    expect(JSON.parse(body.stdout)).toMatchObject({ version: 1, stale: true, stale_reason: { code: 'reconnect_needed' }, athlete: { id: strava.athleteId } });
    const waybar = json(await a.run(['status', '--format', 'waybar']));
    expect(waybar).toMatchObject({ class: 'reconnect', text: result.stdout.replace(/ \(stale.*\n$/, ''), tooltip: expect.stringMatching(/Run: pacebar login$/) });
  });

  it('login over a live connection needs --force without a terminal, and signs in again with it', async () => {
    const { strava, a } = await connectedAccount();
    const tokenCalls = strava.count({ method: 'POST', path: '/oauth/token' });
    const refused = await a.login();
    expect(refused.code).toBe(2);
    expectOneErrorLine(refused, new RegExp(`^pacebar: Already connected as ${ATHLETE_NAME}\\. To sign in again, run: pacebar login --force$`));
    expect(refused.stdout).toBe('');
    expect(a.browserLog()).toEqual([]);
    expect(strava.count({ method: 'POST', path: '/oauth/token' })).toBe(tokenCalls);
    const again = await a.login({ force: true });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(`Connected as ${ATHLETE_NAME}\n`);
    expect(strava.count({ method: 'POST', path: '/oauth/token' })).toBe(tokenCalls + 1);
    const gone = await a.run(['logout', '--forget-credentials']);
    expect(gone.stdout).toBe("Disconnected: access revoked at Strava, tokens and cached data deleted, and the Strava API application's Client ID and Client Secret too.\n");
  });

  it('on a terminal, login over a live connection asks first: no keeps it, yes signs in again', async () => {
    const { strava, a } = await connectedAccount();
    /** `pacebar login --no-open` in this process, typing `answer` at the prompt; Strava's page played from the printed address. */
    const loginAnswering = async (answer: string) => {
      const stdin = Object.assign(new PassThrough(), { isTTY: true }) as unknown as NodeJS.ReadStream;
      const said: string[] = [];
      const signIns: Promise<void>[] = [];
      const io = {
        env: a.env(),
        platform: process.platform,
        stdin,
        out: (line: string) => said.push(line),
        err: (line: string) => {
          said.push(line);
          const url = /^Open this URL to connect: (\S+)$/.exec(line)?.[1];
          if (url) signIns.push(simulatedBrowser()(url));
        },
        errText: (text: string) => {
          said.push(text);
          if (text.endsWith('[y/N] ')) stdin.write(answer);
        },
        signal: new AbortController().signal,
      };
      const code = await main(['login', '--no-open'], io);
      await Promise.all(signIns);
      transcript.push(...said);
      return { code, said };
    };
    const tokenCalls = () => strava.count({ method: 'POST', path: '/oauth/token' });
    const before = tokenCalls();
    const kept = await loginAnswering('n\n');
    expect(kept.code).toBe(0);
    expect(kept.said).toEqual([`Already connected as ${ATHLETE_NAME}. Sign in again? [y/N] `, `Nothing changed: still connected as ${ATHLETE_NAME}.`]);
    expect(tokenCalls()).toBe(before);
    const again = await loginAnswering('y\n');
    expect(again.code).toBe(0);
    expect(again.said[0]).toBe(`Already connected as ${ATHLETE_NAME}. Sign in again? [y/N] `);
    expect(again.said).toContain(`Connected as ${ATHLETE_NAME}`);
    expect(tokenCalls()).toBe(before + 1);
  });

  it('login against an unreachable Strava fails at once: one line, exit 5, no browser, no wait', async () => {
    const { a } = await setUpAccount();
    const port = await deadPort();
    // The sign-in's own five minutes stay in force: only the probe can end this quickly.
    const result = await a.run(['login'], { env: { STRAVA_BASE_URL: `http://127.0.0.1:${port}` }, timeoutMs: 20_000 });
    expect(result.code).toBe(5);
    expectOneErrorLine(result, new RegExp(`^pacebar: Can't reach Strava at 127\\.0\\.0\\.1:${port} \\(connection refused\\): check your connection, then run pacebar login again\\.$`));
    expect(result.stdout).toBe('');
    expect(a.browserLog()).toEqual([]);
  });

  it('login again, then logout deletes the tokens and the cache', async () => {
    const { strava, a } = await connectedAccount();
    expect((await a.login({ force: true })).code).toBe(0);
    expect(await keytar.getPassword(a.keychainService, `athlete:${strava.athleteId}`)).not.toBeNull();
    const revoke = strava.count({ method: 'POST', path: '/oauth/revoke' });
    const result = await a.run(['logout']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('Disconnected: access revoked at Strava, tokens and cached data deleted.\n');
    expect(strava.count({ method: 'POST', path: '/oauth/revoke' })).toBe(revoke + 1);
    expect(strava.count({ path: '/oauth/deauthorize' })).toBe(0);
    expect(await keytar.getPassword(a.keychainService, `athlete:${strava.athleteId}`)).toBeNull();
    const cache = filesUnder(a.configDir).find((f) => f.path.endsWith('cache.json'));
    expect(cache?.text ?? '').not.toMatch(/athlete"\s*:\s*\{/);
    const status = await a.run(['status']);
    expect(status.code).toBe(3);
    expectOneErrorLine(status, /Not connected\. Run: pacebar login/);
  });

  it('after logout, logout --forget-credentials deletes the API application too', async () => {
    const { a } = await setUpAccount(); // where logout leaves it: the application kept, no tokens
    expect(await keytar.getPassword(a.keychainService, `client-secret:${DEMO_CLIENT.clientId}`)).toBe(DEMO_CLIENT.clientSecret);
    const forgot = await a.run(['logout', '--forget-credentials']);
    expect(forgot.code).toBe(0);
    // One true line: there was nothing to disconnect, and the application was deleted.
    expect(forgot.stdout).toBe("Not connected; deleted the Strava API application's Client ID and Client Secret.\n");
    expect(forgot.stderr).toBe('');
    expect(await keytar.getPassword(a.keychainService, `client-secret:${DEMO_CLIENT.clientId}`)).toBeNull();
    expectOneErrorLine(await a.run(['status']), /No Strava API application set up/);
    const nothing = await a.run(['logout', '--forget-credentials']);
    expect(nothing.stdout).toBe('Not connected and no Strava API application stored: nothing to delete.\n');
    expect((await a.run(['logout'])).stdout).toBe('Not connected; nothing to disconnect.\n');
  });
});

describe('pacebar: rate limits, scopes, timeouts and a missing keychain', { timeout: 90_000 }, () => {
  it('a rate-limited Strava is not asked again before the reset; cached data is shown stale', async () => {
    const { strava, a } = await connectedAccount();
    strava.inject({
      method: 'GET',
      path: /^\/api\/v3\//,
      times: 1,
      action: {
        kind: 'status',
        status: 429,
        body: { message: 'Rate Limit Exceeded', errors: [] },
        headers: { 'X-ReadRateLimit-Limit': '100,1000', 'X-ReadRateLimit-Usage': '100,1000', 'X-RateLimit-Limit': '200,2000', 'X-RateLimit-Usage': '100,1000' },
      },
    });
    const limited = json(await a.run(['status', '--refresh', '--format', 'json']));
    expect(limited.stale).toBe(true);
    const before = strava.count();
    for (const args of [['status', '--refresh', '--format', 'json'], ['status', '--format', 'json']]) {
      expect(json(await a.run(args)).stale).toBe(true);
    }
    // Said in the user's zone (Kathmandu, +05:45 all year), at the reset Strava's windows have: the
    // daily one (used up above) at UTC midnight, "05:45" there. A date goes before it on another day.
    const startedAt = Date.now();
    const text = await a.run(['status', '--refresh'], { env: { TZ: 'Asia/Kathmandu' } });
    expect(text.code).toBe(0);
    const until = /^pacebar: showing cached data: Strava's rate limit is reached until ((?:\d{1,2} \w{3} )?\d\d:\d\d); Pacebar asks again after that\.$/m.exec(text.stderr)?.[1];
    const day = 86_400_000;
    const midnight = Math.ceil(startedAt / day) * day;
    const sameDayThere = Math.floor((midnight + 345 * 60_000) / day) === Math.floor((startedAt + 345 * 60_000) / day);
    const resets = [`${sameDayThere ? '' : `${new Date(midnight).getUTCDate()} ${new Date(midnight).toUTCString().slice(8, 11)} `}${formatClockTime(midnight, 345)}`];
    expect(resets, text.stderr).toContain(until);
    expect(text.stderr).not.toMatch(/\d{4}-\d\d-\d\dT/);
    const tooltip = json(await a.run(['status', '--format', 'waybar'], { env: { TZ: 'Asia/Kathmandu' } })).tooltip as string;
    expect(resets.map((at) => `Strava&#39;s rate limit is reached until ${at}`)).toContain(tooltip.split('\n').at(-1));
    expect(strava.count()).toBe(before);
  });

  it('an inactive API application: cached data marked stale, one line on stderr, exit 6; no request for the hour; tokens kept', async () => {
    const { strava, a } = await connectedAccount();
    const record = await keytar.getPassword(a.keychainService, `athlete:${strava.athleteId}`);
    strava.setApplicationInactive(true);
    const text = await a.run(['status', '--refresh']);
    expect(text.code).toBe(6);
    expect(text.stdout).toMatch(/^Run · week .* \(stale\)\n$/);
    expectOneErrorLine(text, /showing cached data: Strava has made your API application inactive.*subscription.*https:\/\/www\.strava\.com\/settings\/api/);
    // A status bar polling every minute asks Strava nothing more within the hour.
    const before = strava.count();
    const auto = await a.run(['status', '--format', 'json']);
    expect(auto.code).toBe(6);
    expect(JSON.parse(auto.stdout)).toMatchObject({ stale: true, application_inactive: true });
    const waybar = json(await a.run(['status', '--format', 'waybar']));
    expect(waybar.class).toBe('inactive');
    expect(waybar.tooltip).toContain('Strava API application inactive: subscription needed');
    expect(strava.count()).toBe(before);
    expect(await keytar.getPassword(a.keychainService, `athlete:${strava.athleteId}`)).toBe(record);
    // Once reactivated, --refresh asks at once and all is well again.
    strava.setApplicationInactive(false);
    const back = await a.run(['status', '--refresh', '--format', 'json']);
    expect(JSON.parse(back.stdout)).toMatchObject({ stale: false, application_inactive: false });
    expect(back.code).toBe(0);
  });

  it('missing scopes: one warning line per scope with what it costs', async () => {
    const { a } = await setUpAccount();
    const result = await a.login({ uncheck: ['activity:read_all', 'profile:read_all'] });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`Connected as ${ATHLETE_NAME}\n`);
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('pacebar: warning:'));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/activity:read_all.*chart/);
    expect(warnings[1]).toMatch(/profile:read_all/);
    const body = json(await a.run(['status', '--format', 'json']));
    expect(body.this_week.run.count).toBe(0);
  });

  it('login gives up after PACEBAR_LOGIN_TIMEOUT_MS', async () => {
    const { a } = await setUpAccount();
    // Nothing will answer: the shortest timeout there is, so no time is spent waiting for it.
    const result = await a.run(['login', '--no-open'], { env: { PACEBAR_LOGIN_TIMEOUT_MS: '1' } });
    expect(result.code).toBe(1);
    // --no-open: the address is the only way there, so it is printed.
    expect(result.stderr).toMatch(/^Open this URL to connect: http/m);
    expect(result.stderr).not.toMatch(/Opened Strava/);
    expect(result.stderr).toMatch(/^pacebar: Sign-in timed out/m);
    // Over the athlete limit Strava's page shows a 403 and never redirects: the timeout says so.
    expect(result.stderr).toMatch(/Limit of connected athletes exceeded.*10 connected athletes/);
  });

  it.runIf(process.platform === 'linux')('without a D-Bus session the keychain is unavailable: one line, exit 1', async () => {
    const { a } = await setUpAccount();
    const noBus = { DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined, WAYLAND_DISPLAY: undefined };
    const status = await a.run(['status'], { env: noBus });
    expect(status.code).toBe(1);
    // What to do for this cause (no keyring service), not "unlock", and not keytar's own text.
    expectOneErrorLine(status, /^pacebar: No keyring service is running: install and start GNOME Keyring or KWallet \(see README › Linux desktops\), then try again\.$/);
    const setup = await a.run(['setup', '--client-id', '12345', '--client-secret-stdin'], { input: 'x'.repeat(40), env: noBus });
    expect(setup.code).toBe(1);
    expectOneErrorLine(setup, /^pacebar: No keyring service is running/);
    const waybar = await a.run(['status', '--format', 'waybar'], { env: noBus });
    expect(JSON.parse(waybar.stdout)).toMatchObject({ class: 'error', tooltip: expect.stringMatching(/^No keyring service is running/) });
  });

  it('bad arguments: exit 2 with one line', async () => {
    const env = cleanEnv({ PACEBAR_CONFIG_DIR: join(tmpdir(), 'pacebar-cli-usage-never-created') });
    const cases = [['bogus'], ['status', '--format', 'xml'], ['status', '--offline', '--refresh'], ['status', 'extra'], ['login', '--nope'], ['setup'], ['setup', '--client-id', 'abc'], ['--client-secret=s3cret']];
    const results = await Promise.all(cases.map((args) => runCli(args, env)));
    results.forEach((result, index) => {
      expect(result.code, cases[index]!.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expectOneErrorLine(result, /./);
      expect(result.stderr).not.toMatch(/s3cret/);
    });
    expect(existsSync(env.PACEBAR_CONFIG_DIR!)).toBe(false); // usage errors touch nothing
  });

  it('--help, help COMMAND and --version', async () => {
    const env = cleanEnv();
    const [help, topic, statusHelp, version] = await Promise.all([
      runCli(['--help'], env),
      runCli(['help', 'setup'], env),
      runCli(['status', '--help'], env),
      runCli(['--version'], env),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/pacebar status \[--format text\|json\|waybar\]/);
    expect(topic.stdout).toMatch(/Authorization Callback Domain/);
    expect(statusHelp.stdout).toMatch(/--offline/);
    expect(version.code).toBe(0);
    // Stamped from package.json by scripts/build-cli.mjs: the version the app's About line shows too.
    const { version: packageVersion } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(version.stdout).toBe(`${packageVersion}\n`);
  });
});
