// Which Strava permissions Pacebar asks for, and what the user loses without each.

export const DEFAULT_SCOPES = ['read', 'activity:read_all', 'profile:read_all'] as const;

const consequences: Record<string, string> = {
  read: 'Pacebar cannot read your public profile and stats.',
  'activity:read_all': 'Private (Only You) activities are not counted, and without activity access this week\'s totals and the 12-week chart stay empty.',
  'activity:read': 'This week\'s totals and the 12-week chart stay empty.',
  'profile:read_all': 'Your unit preference and full profile are not read; Pacebar uses the summary profile.',
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
    .map((scope) => ({ scope, consequence: consequences[scope] ?? `Pacebar cannot use the ${scope} permission.` }));
}

export function canReadActivities(granted: readonly string[]): boolean {
  return implied(granted).has('activity:read');
}
