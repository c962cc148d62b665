// `pacebar login`: the app's browser sign-in (engine.signIn with the loopback runner), opened with
// $BROWSER or the platform's opener.
import { browserConsentRunner } from '../../core/oauth/browserConsent';
import { SIGN_IN_TIMEOUT_MS } from '../../core/oauth/consentRunner';
import { athleteDisplayName } from '../../core/strava/models';
import type { Context } from '../context';
import { openBrowser } from '../openBrowser';
import { CLI_WALK_STEPS, walkSteps } from './status';

export function loginTimeoutMs(env: NodeJS.ProcessEnv): number {
  const raw = env.PACEBAR_LOGIN_TIMEOUT_MS?.trim();
  if (!raw || !/^\d{1,10}$/.test(raw)) return SIGN_IN_TIMEOUT_MS;
  const value = Number(raw);
  return value > 0 ? Math.min(value, SIGN_IN_TIMEOUT_MS) : SIGN_IN_TIMEOUT_MS;
}

export async function runLogin(ctx: Context, options: { open: boolean }): Promise<number> {
  const { io } = ctx;
  const engine = await ctx.engine();
  const runner = browserConsentRunner({
    stravaBaseUrl: engine.endpoints.baseUrl,
    timeoutMs: loginTimeoutMs(io.env),
    // A terminal can always fall back to the printed address, so opening never fails the attempt.
    openExternal: async (url) => {
      io.err(`Open this URL to connect: ${url}`);
      if (options.open && !(await openBrowser(url, io.env, io.platform))) {
        io.err('pacebar: could not start a browser; open the URL above yourself.');
      }
      io.err("Waiting for Strava's answer...");
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
