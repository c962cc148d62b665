// Help texts for `pacebar --help` and `pacebar help COMMAND`.
import type { CommandName } from './args';
import { SETTING_TEXTS } from '../core/store/settingsText';
import { GOAL_AMOUNT_FORMS } from '../core/goals/goalInputText';
import { SPORTS } from '../core/domain';

const overview = `pacebar: your Strava athlete details and training stats in the terminal and status bars.

Usage:
  pacebar setup --client-id ID [--client-secret-stdin]   store your Strava API application
  pacebar login [--no-open] [--force]                     connect your Strava account
  pacebar status [--format text|json|waybar] [--offline | --refresh]   (-f is short for --format)
  pacebar goals [--format text|json|waybar] [--offline | --refresh]
  pacebar goals add --sport SPORT --period PERIOD --distance|--time|--elevation|--count AMOUNT
  pacebar goals remove ID
  pacebar config [get KEY | set KEY VALUE]               show or change Pacebar's settings
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

const SPORT_LIST = SPORTS.join(', ');

/** One line per key from core's table, so the help cannot drift from what \`config\` accepts. */
function settingsHelp(): string {
  const width = Math.max(...SETTING_TEXTS.map((entry) => entry.key.length)) + 2;
  return SETTING_TEXTS.map((entry) => `  ${entry.key.padEnd(width)}${entry.readOnly ? `read-only: ${entry.readOnly}` : entry.accepts}`).join('\n');
}

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
  goals: `Usage: pacebar goals [--format text|json|waybar] [--offline | --refresh]
       pacebar goals add --sport SPORT --period PERIOD --distance|--time|--elevation|--count AMOUNT
       pacebar goals remove ID

Goals are weekly, monthly or yearly targets per sport, shared with the Pacebar app. Listing them
shows each goal's number, done / target, ahead or behind the even pace, and what is still needed
per day (per week for a yearly goal). Strava is asked first when the cached data is due, exactly as
for \`pacebar status\` (and --offline and --refresh work the same).
  -f, --format text one line per goal: "#1 Ride this week: 92 / 150 km · ahead by 12 km · …"
  --format json     {"version":1, "units", "updated_at", "stale", "goals":[…]}: each goal's id,
                    sport, period, measure, target and done (metres, seconds or activities),
                    status, fraction, elapsed, delta, days_left, per_day, per_week, period_key,
                    starts_on, ends_on, and its text; the first goal is the primary one
  --format waybar   the primary goal's progress; the tooltip has every goal; class is its status:
                    ahead, behind, on-pace, reached or counting (none without goals)

Adding a goal (no network, no keychain):
  --sport       ${SPORT_LIST}
  --period      week (Monday to Sunday), month or year, in your local time
  --distance    ${GOAL_AMOUNT_FORMS.distance}
  --time        moving time: ${GOAL_AMOUNT_FORMS.time}
  --elevation   ${GOAL_AMOUNT_FORMS.elevation}
  --count       ${GOAL_AMOUNT_FORMS.count}
Exactly one of --distance, --time, --elevation and --count. For example:
  pacebar goals add --sport ride --period week --distance 150km
  pacebar goals add --sport run --period month --time 20h
  pacebar goals remove 2
The first goal is the primary one: the tray icon's ring and the menu bar show it.
`,
  config: `Usage: pacebar config                  every setting as key = value
       pacebar config get KEY          one setting's value
       pacebar config set KEY VALUE    change one setting

The same settings, and the same rules, as the Pacebar app's settings. A value that is not allowed
changes nothing (exit 2). Settings:
${settingsHelp()}
`,
  help: `Usage: pacebar help [COMMAND]
`,
};

export function helpText(topic: CommandName | null): string {
  return topic ? topics[topic] : overview;
}
