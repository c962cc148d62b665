// Which Strava permissions Pacebar asks for, and what the user loses without each.

// activity:read and activity:read_all are separate boxes on Strava's page: asking for both lets
// someone who keeps Only You activities to themselves still have every other activity counted.
export const DEFAULT_SCOPES = ['read', 'activity:read', 'activity:read_all', 'profile:read_all'] as const;

/** What actually happens without each permission (the totals, chart and records come from the activity list). */
const consequences: Record<string, string> = {
  read: 'Pacebar cannot read your profile or stats.',
  'activity:read':
    'Pacebar cannot read your activities: it shows only Strava\'s own run, ride and swim totals, which count public activities only; this week, the chart, records and other sports stay empty.',
  'activity:read_all': 'Activities you set to Only You are not counted: totals, chart and records include only Everyone and Followers activities.',
  'profile:read_all': 'Pacebar cannot read your units preference on Strava, so it shows metric unless you choose in Settings. Your name, photo and location are still shown.',
};

/** Strava answers granted scopes comma-separated (sometimes space-separated); normalise to a set. */
export function parseScopes(raw: string | null | undefined): string[] {
  if (!raw) return [];
  return [...new Set(raw.split(/[,\s]+/).map((scope) => scope.trim()).filter(Boolean))];
}

/** activity:read_all implies activity:read; read_all implies read. */
function implied(granted: readonly string[]): Set<string> {
  const set = new Set(granted);
  if (set.has('activity:read_all')) set.add('activity:read');
  if (set.has('read_all')) set.add('read');
  return set;
}

export interface MissingScope {
  scope: string;
  consequence: string;
}

export function missingScopes(granted: readonly string[], requested: readonly string[] = DEFAULT_SCOPES): MissingScope[] {
  const have = implied(granted);
  return requested
    .filter((scope) => !have.has(scope))
    .map((scope) => ({
      scope,
      consequence:
        // Without activity:read there is no list to leave Only You activities out of.
        scope === 'activity:read_all' && !have.has('activity:read')
          ? 'Activities you set to Only You could not be counted either.'
          : (consequences[scope] ?? `Pacebar cannot use the ${scope} permission.`),
    }));
}

export function canReadActivities(granted: readonly string[]): boolean {
  return implied(granted).has('activity:read');
}

/** What the activity list shows with these scopes: Everyone and Followers, and Only You with read_all. */
export function historyReads(granted: readonly string[]): { activities: boolean; private: boolean } {
  const have = implied(granted);
  return { activities: have.has('activity:read'), private: have.has('activity:read_all') };
}
