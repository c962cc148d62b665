// Strava's OAuth scopes and the wording its consent page uses for them.
export const SCOPE_TEXT: Record<string, string> = {
  read: 'View data about your public segments, routes, and profile',
  read_all: 'View data about your private routes, segments, and events',
  'profile:read_all': 'View your complete Strava profile',
  'profile:write': 'Update your weight, Functional Threshold Power (FTP), and access to star or unstar segments',
  'activity:read': 'View data about your activities',
  'activity:read_all': 'View data about your private activities',
  'activity:write': 'Upload your activities to Strava and edit them',
};

/** Requested scopes from the comma list; undefined if any is unknown. `read` is always included first. */
export function parseScopes(raw: string | undefined): string[] | undefined {
  const requested = (raw ?? 'read').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (requested.some((s) => !(s in SCOPE_TEXT))) return undefined;
  return ['read', ...new Set(requested.filter((s) => s !== 'read'))];
}
