// `pacebar setup`: stores the user's Strava API application (Client ID in settings, Client Secret
// in the keychain).
import type { Context } from '../context';
import { readClientSecret } from '../readSecret';

export const WHERE_TO_GET_CREDENTIALS =
  'Create a Strava API application at https://www.strava.com/settings/api with "Authorization Callback Domain" set to 127.0.0.1, then copy its Client ID and Client Secret.';

export async function runSetup(ctx: Context, options: { clientId: string; secretFromStdin: boolean }): Promise<number> {
  const { io } = ctx;
  if (!options.secretFromStdin) io.err(WHERE_TO_GET_CREDENTIALS);
  const secret = await readClientSecret({ fromStdin: options.secretFromStdin, stdin: io.stdin, write: (text) => io.errText(text) });
  const engine = await ctx.engine();
  await engine.credentials.save(options.clientId, secret);
  io.out(`Saved Strava API application ${options.clientId} (its Client Secret is in the system keychain). Next: pacebar login`);
  return 0;
}
