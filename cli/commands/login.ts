// `pacebar login`: the app's browser sign-in (engine.signIn with the loopback runner), opened with
// $BROWSER or the platform's opener. Never signs in again silently over a live connection, and
// never waits five minutes for a Strava that cannot be reached.
import { commandLineTransport } from '../../core/engine/createEngine';
import type { PacebarEngine } from '../../core/engine/engine';
import { NoCredentialsError } from '../../core/errors';
import { browserConsentRunner } from '../../core/oauth/browserConsent';
import { SIGN_IN_TIMEOUT_MS } from '../../core/oauth/consentRunner';
import { athleteDisplayName } from '../../core/strava/models';
import { askYesNo } from '../confirm';
import type { Context, Io } from '../context';
import { UsageError } from '../exitCodes';
import { openBrowser } from '../openBrowser';
import { probeSignInPage } from '../reachability';
import { CLI_WALK_STEPS, walkSteps } from './status';

export function loginTimeoutMs(env: NodeJS.ProcessEnv): number {
  const raw = env.PACEBAR_LOGIN_TIMEOUT_MS?.trim();
  if (!raw || !/^\d{1,10}$/.test(raw)) return SIGN_IN_TIMEOUT_MS;
  const value = Number(raw);
  return value > 0 ? Math.min(value, SIGN_IN_TIMEOUT_MS) : SIGN_IN_TIMEOUT_MS;
}

/** Who the live connection is, by the cached name when there is one. */
function connectedName(engine: PacebarEngine): string {
  const { athleteId } = engine.settings.get();
  const athlete = engine.cache.read().athlete;
  return athlete && athlete.id === athleteId ? athleteDisplayName(athlete) : `athlete ${athleteId}`;
}

/**
 * Over a live connection: ask on a terminal, else require --force. Returns whether to go on.
 * A reconnect (revoked, expired, unreadable) goes ahead without asking: that is what login is for.
 */
async function mayReplaceConnection(engine: PacebarEngine, io: Io, force: boolean): Promise<boolean> {
  const status = await engine.status();
  if (status === 'needs_credentials') throw new NoCredentialsError();
  if (status !== 'connected' || force) return true;
  const name = connectedName(engine);
  if (!io.stdin.isTTY) throw new UsageError(`Already connected as ${name}. To sign in again, run: pacebar login --force`);
  if (await askYesNo(`Already connected as ${name}. Sign in again?`, io.stdin, (text) => io.errText(text))) return true;
  io.err(`Nothing changed: still connected as ${name}.`);
  return false;
}

export async function runLogin(ctx: Context, options: { open: boolean; force: boolean }): Promise<number> {
  const { io } = ctx;
  const engine = await ctx.engine();
  if (!(await mayReplaceConnection(engine, io, options.force))) return 0;
  await probeSignInPage({ authorizeUrl: engine.endpoints.authorize, transport: commandLineTransport(io.env), signal: io.signal });
  const runner = browserConsentRunner({
    stravaBaseUrl: engine.endpoints.baseUrl,
    timeoutMs: loginTimeoutMs(io.env),
    // A terminal can always fall back to the printed address, so opening never fails the attempt.
    openExternal: async (url) => {
      if (options.open && (await openBrowser(url, io.env, io.platform))) {
        io.err("Opened Strava in your browser; waiting for its answer… (no browser window? Ctrl-C, then: pacebar login --no-open)");
        return;
      }
      if (options.open) io.err('pacebar: could not start a browser; open this address yourself.');
      io.err(`Open this URL to connect: ${url}`);
      io.err("Waiting for Strava's answer…");
    },
  });
  const result = await engine.signIn(runner, { signal: io.signal });
  for (const missing of result.missing) {
    io.err(`pacebar: warning: the ${missing.scope} permission was not granted. ${missing.consequence}`);
  }
  io.out(`Connected as ${athleteDisplayName(result.athlete)}`);
  // Start counting the history now (the app does the same after connecting): a small one is done here.
  await walkSteps(engine, CLI_WALK_STEPS);
  return 0;
}
