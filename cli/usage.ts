// Help texts for `pacebar --help` and `pacebar help COMMAND`.
import type { CommandName } from './args';

const overview = `pacebar: your Strava athlete details and training stats in the terminal and status bars.

Usage:
  pacebar setup --client-id ID [--client-secret-stdin]   store your Strava API application
  pacebar login [--no-open]                               connect your Strava account
  pacebar status [--format text|json|waybar] [--offline | --refresh]
  pacebar logout [--forget-credentials]                   disconnect and delete tokens and cache
  pacebar help [COMMAND]
  pacebar --version

Environment:
  PACEBAR_CONFIG_DIR         settings and cache folder (default: the Pacebar app's folder)
  PACEBAR_KEYCHAIN_SERVICE   keychain service name for Pacebar's records (default: Pacebar)
  STRAVA_BASE_URL            where Strava's OAuth lives (default: https://www.strava.com); alone, it
                             also puts the API at its /api/v3 (the simulator)
  STRAVA_API_URL             where Strava's API lives (default: https://www.strava.com/api/v3 until
                             31 May 2027, https://www.api-v3.strava.com from 1 June 2027)
  BROWSER                    program that opens the sign-in page (default: the system's)

Exit codes:
  0 ok, 1 error, 2 usage error, 3 not connected or not set up, 4 reconnect needed,
  5 Strava unreachable or rate limited and no cached data,
  6 your Strava API application is inactive (its owner needs a Strava subscription; cached data
    is still printed, marked stale).
`;

const topics: Record<CommandName, string> = {
  setup: `Usage: pacebar setup --client-id ID [--client-secret-stdin]

Stores your own Strava API application: the Client ID in Pacebar's settings, the Client Secret in
the system keychain. Create the application at https://www.strava.com/settings/api and set its
"Authorization Callback Domain" to 127.0.0.1.

The Client Secret is never taken as an argument (other users could see it in the process list and
it would stay in your shell history). Without --client-secret-stdin you are asked for it (typing is
hidden); with it, the secret is read from standard input, e.g.
  pass show strava/client-secret | pacebar setup --client-id 12345 --client-secret-stdin
`,
  login: `Usage: pacebar login [--no-open]

Connects your Strava account: opens Strava's authorization page in your browser ($BROWSER, or the
system's default) and waits up to 5 minutes on http://127.0.0.1:PORT/callback for the answer.
If Strava's page says "Error 403: Limit of connected athletes exceeded", the API application has
its 10 connected athletes (Standard Tier): no answer comes, and the timeout says what to do.
The address is printed too, so you can open it yourself; --no-open only prints it.
`,
  status: `Usage: pacebar status [--format text|json|waybar] [--offline | --refresh]

Prints your training stats. Strava is asked again only when the cached data is older than the
refresh interval set in Pacebar (15 minutes by default) and its rate limit allows it.
  --format text     one line for your primary sport (default)
  --format json     athlete, stats, this week's totals, updated_at and stale
  --format waybar   JSON for a waybar custom module (return-type json)
  --offline         never touch the network: show the cache as it is
  --refresh         ask Strava now, whatever the cache's age (still within the rate limit)
When Strava cannot be reached and there is cached data, it is printed marked stale (exit 0).
With --format waybar, "not connected" and "reconnect needed" are printed as waybar JSON too, and
the exit code is 0 so that waybar keeps showing the module.
While Strava says your API application is inactive, the cached data is printed marked stale, one
line on stderr says what to do, and the exit code is 6 (waybar: class "inactive", exit 0); Strava
is asked at most once an hour unless you pass --refresh.
`,
  logout: `Usage: pacebar logout [--forget-credentials]

Revokes Pacebar's access at Strava, deletes the tokens from the keychain and the cached data.
--forget-credentials also deletes the Strava API application's Client ID and Client Secret.
`,
  help: `Usage: pacebar help [COMMAND]
`,
};

export function helpText(topic: CommandName | null): string {
  return topic ? topics[topic] : overview;
}
