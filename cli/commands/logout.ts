// `pacebar logout`: revoke at Strava, delete the keychain token record and the cache; with
// --forget-credentials the API application too. One line says exactly what was done.
import type { Context } from '../context';

const APPLICATION = "the Strava API application's Client ID and Client Secret";

export async function runLogout(ctx: Context, options: { forgetCredentials: boolean }): Promise<number> {
  const { io } = ctx;
  const engine = await ctx.engine();
  const before = engine.settings.get();
  const wasConnected = before.athleteId !== null;
  const forgetsApplication = options.forgetCredentials && before.clientId !== null;
  const { revokedAtStrava } = await engine.disconnect({ forgetCredentials: options.forgetCredentials });
  const alsoApplication = forgetsApplication ? `, and ${APPLICATION} too` : '';
  if (!wasConnected) {
    if (forgetsApplication) io.out(`Not connected; deleted ${APPLICATION}.`);
    else if (options.forgetCredentials) io.out('Not connected and no Strava API application stored: nothing to delete.');
    else io.out('Not connected; nothing to disconnect.');
  } else if (revokedAtStrava) io.out(`Disconnected: access revoked at Strava, tokens and cached data deleted${alsoApplication}.`);
  else {
    io.out(`Disconnected here: tokens and cached data deleted${alsoApplication}.`);
    io.err('pacebar: warning: Strava could not be told; revoke access at https://www.strava.com/settings/apps if it still lists Pacebar.');
  }
  return 0;
}
