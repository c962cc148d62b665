// With the real keychain: after a full connect, a refresh with rotation, failures and a logout,
// no token or secret appears in any file Pacebar wrote, in anything it logged, or in the errors it
// raised; while connected they are all in the keychain.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_CLIENT } from '../../../sim/index';
import { keytarBackend } from '../../../core/keychain/secretBackend';
import { connect, currentTokens, filesUnder, startHarness, type Harness } from './harness';

// Each test gets its own engine, simulator and keychain service, and brings it where it needs to be.
let h: Harness;
let logged: string[] = [];
beforeEach(async () => {
  logged = [];
  h = await startHarness({ secrets: keytarBackend() });
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg))).join(' '));
    });
  }
});
afterEach(async () => {
  vi.restoreAllMocks();
  // Leave nothing in the keychain (on macOS and Windows it is the real login keychain).
  const athleteId = h.engine.settings.get().athleteId;
  if (athleteId !== null) await h.engine.vault.deleteTokens(athleteId);
  await h.engine.vault.deleteClientSecret(DEMO_CLIENT.clientId);
  await h.close();
});

const secretsSoFar = () => [...h.sim.issuedSecrets(), DEMO_CLIENT.clientSecret];

function expectNoSecretIn(text: string, where: string): void {
  for (const secret of secretsSoFar()) expect(text.includes(secret), `${secret.slice(0, 4)}… in ${where}`).toBe(false);
}

/** Connects, refreshes with rotation and runs into two failures; checks each error is secret-free. */
async function connectRotateAndFail() {
  await connect(h);
  const first = await currentTokens(h);
  expect(first).not.toBeNull();

  h.sim.clock.set(first!.expiresAt * 1000 - 60_000);
  await h.engine.sync();
  const rotated = await currentTokens(h);
  expect(rotated!.refreshToken).not.toBe(first!.refreshToken);

  const errors: unknown[] = [];
  h.sim.inject({ path: '/api/v3/athlete/activities', action: { kind: 'status', status: 401 } });
  h.sim.inject({ path: '/oauth/token', action: { kind: 'status', status: 500 } });
  await h.engine.sync({ full: true }).catch((error: unknown) => errors.push(error));
  h.sim.inject({ path: '/api/v3/athlete', action: { kind: 'malformed-json' } });
  await h.engine.sync({ full: true }).catch((error: unknown) => errors.push(error));
  expect(errors).toHaveLength(2);
  for (const error of errors) expectNoSecretIn(`${(error as Error).message} ${(error as Error).stack} ${JSON.stringify(error)}`, 'an error');
  return { rotated: rotated! };
}

describe('secrets stay in the keychain', () => {
  it('no token or client secret in any file after connect, refresh, rotation and errors', async () => {
    const { rotated } = await connectRotateAndFail();
    const secrets = [...h.sim.issuedSecrets(), DEMO_CLIENT.clientSecret];
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    const files = filesUnder(h.dir);
    expect(files.map((f) => f.path.split('/').pop()).sort()).toEqual(['cache.json', 'history-digest.json', 'history.json', 'settings.json']);
    for (const file of files) {
      for (const secret of secrets) expect(file.text.includes(secret), `${secret.slice(0, 4)}… in ${file.path}`).toBe(false);
    }
    // The error the UI shows is secret-free too.
    const failure = h.engine.cache.read().lastFailure?.message ?? '';
    for (const secret of secrets) expect(failure.includes(secret)).toBe(false);

    // And the secrets really are in the OS keychain.
    expect(await h.engine.vault.loadClientSecret(DEMO_CLIENT.clientId)).toBe(DEMO_CLIENT.clientSecret);
    expect((await currentTokens(h))?.refreshToken).toBe(rotated.refreshToken);
  });

  it('after logout: nothing secret in the files or the logs, and the keychain records are gone', async () => {
    await connectRotateAndFail();
    const athleteId = h.engine.settings.get().athleteId!;
    const result = await h.engine.disconnect({ forgetCredentials: true });
    expect(result.revokedAtStrava).toBe(true);
    for (const file of filesUnder(h.dir)) expectNoSecretIn(file.text, file.path);
    expectNoSecretIn(logged.join('\n'), 'the logs');
    expect(await h.engine.vault.loadTokens(athleteId)).toBeNull();
    expect(await h.engine.vault.loadClientSecret(DEMO_CLIENT.clientId)).toBeNull();
  });
});
