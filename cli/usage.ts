// Help texts for `pacebar --help` and `pacebar help COMMAND`.
import type { CommandName } from './args';

const overview = `pacebar: your Strava athlete details and training stats in the terminal and status bars.

Usage:
  pacebar setup --client-id ID [--client-secret-stdin]   store your Strava API application
  pacebar login [--no-open] [--force]                     connect your Strava account
  pacebar status [--format text|json|waybar] [--offline | --refresh]   (-f is short for --format)
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

Times are said in your time zone ("until 14:45"). Errors are one line on stderr, "pacebar: …".

Exit codes:
  0 ok, 1 error, 2 usage error, 3 not connected or not set up, 4 reconnect needed (cached data is
    still printed, marked stale),
  5 Strava unreachable or rate limited: status has no cached data to print, login stops at once,
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
  login: `Usage: pacebar login [--no-open] [--force]

Connects your Strava account: opens Strava's authorization page in your browser ($BROWSER, or the
system's default) and waits up to 5 minutes on http://127.0.0.1:PORT/callback for the answer.
  --no-open   do not start a browser: print the address to open yourself (another screen, SSH)
  --force     sign in again although an account is connected (on a terminal you are asked;
              without one, e.g. in a script, login over a live connection needs --force: exit 2)
Strava's sign-in page is tried first: when it cannot be reached (no network, host not found,
connection refused, a proxy or certificate failure) login stops at once with one line (exit 5).
If Strava's page says "Error 403: Limit of connected athletes exceeded", the API application has
its 10 connected athletes (Standard Tier): no answer comes, and the timeout says what to do.
`,
  status: `Usage: pacebar status [--format text|json|waybar] [--offline | --refresh]

Prints your training stats. Strava is asked again only when the cached data is older than the
refresh interval set in Pacebar (15 minutes by default) and its rate limit allows it.
  --format text, -f text    one line for your primary sport (default), for polybar, i3blocks, xbar
  --format json, -f json    the versioned shape in docs/cli-json.md ("version": 1)
  --format waybar           JSON for a waybar custom module (return-type json)
  --offline                 never touch the network: show the cache as it is
  --refresh                 ask Strava now, whatever the cache's age (still within the rate limit)
Whenever there is cached data it is printed, marked stale when it is not fresh: text ends in
"(stale)" ("(stale: reconnect needed)" when you must sign in again), json has "stale": true and
"stale_reason" {code, text}, waybar has class "stale" (or "reconnect", "inactive") and says why in
its tooltip: offline, rate limited until 14:45 (your time zone), last refresh failed: …, older
than N min. The exit code still says what happened:
  Strava unreachable or rate limited   0, the cached data printed marked stale (5 with no cache)
  reconnect needed                      4, the cached data printed marked stale, one stderr line
  API application inactive              6, the cached data printed marked stale, one stderr line;
                                        Strava is asked at most once an hour unless --refresh
With --format waybar the exit code is always 0 (waybar hides a module whose command fails); with
no data, "not connected", "reconnect needed" and errors are printed as waybar JSON with class
"disconnected", "reconnect" or "error" and the tooltip says what to run.
`,
  logout: `Usage: pacebar logout [--forget-credentials]

Revokes Pacebar's access at Strava, deletes the tokens from the keychain and the cached data.
--forget-credentials also deletes the Strava API application's Client ID and Client Secret.
One line says what was done (also when nothing was connected or stored).
`,
  help: `Usage: pacebar help [COMMAND]
`,
};

export function helpText(topic: CommandName | null): string {
  return topic ? topics[topic] : overview;
}
