// The token vault against the real OS keychain (gnome-keyring in a private D-Bus session on Linux,
// set up by `npm test`; the login keychain on macOS and Windows).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { keytarBackend } from '../../../core/keychain/secretBackend';
import { TokenVault, type StoredTokens } from '../../../core/keychain/tokenVault';
import { keychainAdvice } from '../../../core/errors';

const service = `pacebar-test-${randomBytes(4).toString('hex')}`;
const vault = new TokenVault(keytarBackend(), service);

function tokens(overrides: Partial<StoredTokens> = {}): StoredTokens {
  return {
    athleteId: 4242,
    accessToken: randomBytes(20).toString('hex'),
    refreshToken: randomBytes(20).toString('hex'),
    expiresAt: Math.floor(Date.now() / 1000) + 21_600,
    scopes: ['read', 'activity:read_all', 'profile:read_all'],
    ...overrides,
  };
}

describe('token vault on the real keychain', () => {
  afterEach(async () => {
    await vault.deleteTokens(4242);
    await vault.deleteClientSecret('12345');
  });

  it('writes, reads back, rotates and deletes an athlete record', async () => {
    const first = tokens();
    await vault.saveTokens(first);
    expect(await vault.loadTokens(4242)).toEqual(first);

    const rotated = { ...first, accessToken: 'b'.repeat(40), refreshToken: 'c'.repeat(40), expiresAt: first.expiresAt + 3600 };
    await vault.saveTokens(rotated);
    expect(await vault.loadTokens(4242)).toEqual(rotated);

    await vault.deleteTokens(4242);
    expect(await vault.loadTokens(4242)).toBeNull();
  });

  it('keeps the client secret in its own record', async () => {
    await vault.saveClientSecret('12345', 'secret-one');
    await vault.saveTokens(tokens());
    expect(await vault.loadClientSecret('12345')).toBe('secret-one');
    await vault.deleteTokens(4242);
    expect(await vault.loadClientSecret('12345')).toBe('secret-one');
    await vault.deleteClientSecret('12345');
    expect(await vault.loadClientSecret('12345')).toBeNull();
  });

  it.runIf(process.platform === 'linux')('without a D-Bus session it fails with a typed, explained error', () => {
    const env = { ...process.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const probe = fileURLToPath(new URL('./fixtures/keychainProbe.ts', import.meta.url));
    const child = spawnSync(process.execPath, ['--import', 'tsx', probe], { env, encoding: 'utf8', timeout: 20_000 });
    const outcome = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as { ok: boolean; typed?: boolean; message?: string };
    expect(outcome.ok).toBe(false);
    expect(outcome.typed).toBe(true);
    // keytar's own "Cannot autolaunch D-Bus without X11 $DISPLAY" is no keyring service, said as such.
    expect(outcome.message).toBe(keychainAdvice('no_service', 'linux'));
  });
});
