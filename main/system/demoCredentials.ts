// PACEBAR_DEMO=1 (the demo script, against the Strava simulator) may preset the simulator's API
// application so the demo starts at "Connect Strava". Never overwrites stored credentials.
export interface DemoCredentialsTarget {
  credentials: { has(): Promise<boolean> };
  saveCredentials(input: { clientId: string; clientSecret: string }): Promise<{ ok: boolean }>;
}

export function demoCredentialsFromEnv(env: NodeJS.ProcessEnv): { clientId: string; clientSecret: string } | null {
  if (env.PACEBAR_DEMO !== '1') return null;
  const clientId = env.PACEBAR_DEMO_CLIENT_ID?.trim();
  const clientSecret = env.PACEBAR_DEMO_CLIENT_SECRET?.trim();
  if (!clientId || !clientSecret) return null;
  return { clientId, clientSecret };
}

/** True when demo credentials were saved. */
export async function presetDemoCredentials(target: DemoCredentialsTarget, env: NodeJS.ProcessEnv): Promise<boolean> {
  const demo = demoCredentialsFromEnv(env);
  if (!demo) return false;
  try {
    if (await target.credentials.has()) return false;
  } catch {
    // Keychain unavailable: the dashboard explains it; nothing to preset.
    return false;
  }
  return (await target.saveCredentials(demo)).ok;
}
