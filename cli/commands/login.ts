// `pacebar login`: OAuth in the system browser with a one-shot listener on 127.0.0.1.
import { DEFAULT_LOGIN_TIMEOUT_MS, startLoopbackListener } from '../../core/oauth/loopbackListener';
import { athleteDisplayName } from '../../core/strava/models';
import type { Context } from '../context';
import { openBrowser } from '../openBrowser';

export function loginTimeoutMs(env: NodeJS.ProcessEnv): number {
  const raw = env.PACEBAR_LOGIN_TIMEOUT_MS?.trim();
  if (!raw || !/^\d{1,10}$/.test(raw)) return DEFAULT_LOGIN_TIMEOUT_MS;
  const value = Number(raw);
  return value > 0 ? Math.min(value, DEFAULT_LOGIN_TIMEOUT_MS) : DEFAULT_LOGIN_TIMEOUT_MS;
}

export async function runLogin(ctx: Context, options: { open: boolean }): Promise<number> {
  const { io } = ctx;
  const engine = await ctx.engine();
  // Fails with "run pacebar setup" before any listener or browser when no application is stored.
  await engine.credentials.load();
  // Someone fixing missing permissions must see Strava's page again to tick the boxes.
  const approvalPrompt = (await engine.missingScopes()).length > 0 ? 'force' : 'auto';
  const listener = await startLoopbackListener({ timeoutMs: loginTimeoutMs(io.env), signal: io.signal });
  try {
    const pending = engine.beginAuthorization(listener.redirectUri, approvalPrompt);
    io.err(`Open this URL to connect: ${pending.url}`);
    if (options.open && !(await openBrowser(pending.url, io.env, io.platform))) {
      io.err('pacebar: could not start a browser; open the URL above yourself.');
    }
    io.err("Waiting for Strava's answer...");
    const { code, scopes } = await listener.waitForCode(pending.state);
    const result = await engine.connectWithCode(code, scopes);
    for (const missing of result.missing) {
      io.err(`pacebar: warning: the ${missing.scope} permission was not granted. ${missing.consequence}`);
    }
    io.out(`Connected as ${athleteDisplayName(result.athlete)}`);
    return 0;
  } finally {
    listener.close();
  }
}
