// `pacebar logout`: revoke at Strava, delete the keychain token record and the cache.
import type { Context } from '../context';

export async function runLogout(ctx: Context, options: { forgetCredentials: boolean }): Promise<number> {
  const { io } = ctx;
  const engine = await ctx.engine();
  const wasConnected = engine.settings.get().athleteId !== null;
  const { revokedAtStrava } = await engine.disconnect({ forgetCredentials: options.forgetCredentials });
  if (!wasConnected) io.out('Not connected; nothing to disconnect.');
  else if (revokedAtStrava) io.out('Disconnected: access revoked at Strava, tokens and cached data deleted.');
  else {
    io.out('Disconnected here: tokens and cached data deleted.');
    io.err('pacebar: warning: Strava could not be told; revoke access at https://www.strava.com/settings/apps if it still lists Pacebar.');
  }
  if (options.forgetCredentials) io.out('The Strava API application\'s Client ID and Client Secret were deleted too.');
  return 0;
}
