// With the real keychain: after a full connect, a refresh with rotation, a failure and a
// disconnect, no token or secret appears in any file Pacebar wrote; they are all in the keychain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT } from '../../../sim/index';
import { keytarBackend } from '../../../main/core/keychain/secretBackend';
import { connect, currentTokens, filesUnder, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ secrets: keytarBackend() });
});
afterAll(async () => {
  await h.engine.disconnect({ forgetCredentials: true });
  await h.close();
});

describe('secrets stay in the keychain', () => {
  it('no token or client secret in any file after connect, refresh, rotation and errors', async () => {
    await connect(h);
    const first = await currentTokens(h);
    expect(first).not.toBeNull();

    h.sim.clock.set(first!.expiresAt * 1000 - 60_000);
    await h.engine.sync();
    const rotated = await currentTokens(h);
    expect(rotated!.refreshToken).not.toBe(first!.refreshToken);

    h.sim.inject({ path: '/api/v3/athlete/activities', action: { kind: 'status', status: 401 } });
    h.sim.inject({ path: '/oauth/token', action: { kind: 'status', status: 500 } });
    await h.engine.sync({ full: true }).catch(() => undefined);

    const secrets = [...h.sim.issuedSecrets(), DEMO_CLIENT.clientSecret];
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    const files = filesUnder(h.dir);
    expect(files.map((f) => f.path.split('/').pop()).sort()).toEqual(['cache.json', 'settings.json']);
    for (const file of files) {
      for (const secret of secrets) expect(file.text.includes(secret), `${secret.slice(0, 4)}… in ${file.path}`).toBe(false);
    }
    // The error the UI shows is secret-free too.
    const failure = h.engine.cache.read().lastFailure?.message ?? '';
    for (const secret of secrets) expect(failure.includes(secret)).toBe(false);

    // And the secrets really are in the OS keychain.
    expect(await h.engine.vault.loadClientSecret(DEMO_CLIENT.clientId)).toBe(DEMO_CLIENT.clientSecret);
    expect((await currentTokens(h))?.refreshToken).toBe(rotated!.refreshToken);
  });
});
