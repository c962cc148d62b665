// The third-party sign-ins Strava's login page offers (Google, Apple, Facebook). They refuse to run
// in an embedded browser window (Google's "disallowed_useragent" policy; Apple and Facebook pop up
// windows of their own), so the consent window recognises their addresses and hands the sign-in
// to the system browser instead of blocking them silently.
const PROVIDERS: readonly { name: string; domains: readonly string[] }[] = [
  { name: 'Google', domains: ['accounts.google.com'] },
  { name: 'Apple', domains: ['appleid.apple.com', 'idmsa.apple.com'] },
  { name: 'Facebook', domains: ['facebook.com'] },
];

/** "Google", "Apple" or "Facebook" when `raw` is one of their https sign-in addresses, else null. */
export function identityProviderOf(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const host = url.hostname;
  const match = PROVIDERS.find((provider) => provider.domains.some((domain) => host === domain || host.endsWith(`.${domain}`)));
  return match?.name ?? null;
}
