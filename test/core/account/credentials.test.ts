import { describe, expect, it } from 'vitest';
import { CredentialsStore, validateCredentials } from '../../../core/account/credentials';
import { InvalidInputError, NoCredentialsError } from '../../../core/errors';
import { memoryBackend } from '../../support/memory';
import { TokenVault } from '../../../core/keychain/tokenVault';
import { memoryStore } from '../../support/memory';
import { settingsDefaults } from '../../../core/domain';
import { SettingsRepository, type Settings } from '../../../core/store/settings';

const SECRET = '0123456789abcdef0123456789abcdef01234567';

function invalid(clientId: string, clientSecret: string): InvalidInputError {
  try {
    validateCredentials(clientId, clientSecret);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  throw new Error('expected validateCredentials to throw');
}

describe('validateCredentials', () => {
  it('accepts a numeric id and a secret, trimming whitespace around both', () => {
    expect(validateCredentials(' 12345 ', `\t${SECRET}\n`)).toEqual({ clientId: '12345', clientSecret: SECRET });
    expect(validateCredentials('1', 'x')).toEqual({ clientId: '1', clientSecret: 'x' });
    expect(validateCredentials('123456789012', 'a'.repeat(200)).clientId).toBe('123456789012');
  });

  it('refuses a client id that is not 1–12 digits', () => {
    for (const id of ['', 'abc', '12a', '12 34', '-5', '1.5', '1234567890123', '١٢٣']) {
      const error = invalid(id, SECRET);
      expect(error.message).toBe('The Client ID is the number shown at https://www.strava.com/settings/api (up to 12 digits).');
    }
  });

  it('refuses an empty secret', () => {
    expect(invalid('12345', '').message).toBe('Client Secret is empty: copy it from strava.com/settings/api.');
    expect(invalid('12345', '   ').message).toBe('Client Secret is empty: copy it from strava.com/settings/api.');
  });

  it('refuses a secret with inner whitespace or over 200 characters', () => {
    expect(invalid('12345', 'abc def').message).toBe('Client Secret looks wrong: copy it again from strava.com/settings/api.');
    expect(invalid('12345', 'abc\ndef').message).toContain('looks wrong');
    expect(invalid('12345', 'a'.repeat(201)).message).toContain('looks wrong');
  });

  it('messages are one line and never repeat the secret', () => {
    for (const [id, secret] of [['abc', SECRET], ['1', `${SECRET} ${SECRET}`], ['1', SECRET.repeat(6)]] as const) {
      const error = invalid(id, secret);
      expect(error.message).not.toContain('\n');
      expect(error.message).not.toContain(SECRET.slice(0, 10));
      expect(error.code).toBe('invalid_input');
    }
  });
});

function setup() {
  const backend = memoryBackend();
  const vault = new TokenVault(backend, 'pacebar-unit');
  const settings = new SettingsRepository(memoryStore<Settings>(settingsDefaults));
  return { backend, vault, settings, store: new CredentialsStore(settings, vault) };
}

describe('CredentialsStore', () => {
  it('has nothing at first and load says so', async () => {
    const { store } = setup();
    expect(await store.has()).toBe(false);
    await expect(store.load()).rejects.toBeInstanceOf(NoCredentialsError);
  });

  it('saves the id in settings and the secret in the keychain only', async () => {
    const { store, settings, vault, backend } = setup();
    await store.save(' 12345 ', ` ${SECRET} `);
    expect(settings.get().clientId).toBe('12345');
    expect(await vault.loadClientSecret('12345')).toBe(SECRET);
    expect(JSON.stringify(settings.get())).not.toContain(SECRET);
    expect(backend.entries.size).toBe(1);
    expect(await store.has()).toBe(true);
    expect(await store.load()).toEqual({ clientId: '12345', clientSecret: SECRET });
  });

  it('refuses invalid input without touching settings or the keychain', async () => {
    const { store, settings, backend } = setup();
    await expect(store.save('abc', SECRET)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(store.save('12345', '')).rejects.toBeInstanceOf(InvalidInputError);
    expect(settings.get().clientId).toBeNull();
    expect(backend.entries.size).toBe(0);
  });

  it('changing the client id deletes the old secret', async () => {
    const { store, vault } = setup();
    await store.save('12345', 'old-secret');
    await store.save('67890', 'new-secret');
    expect(await vault.loadClientSecret('12345')).toBeNull();
    expect(await vault.loadClientSecret('67890')).toBe('new-secret');
    expect(await store.load()).toEqual({ clientId: '67890', clientSecret: 'new-secret' });
  });

  it('re-saving the same id replaces the secret and keeps the record', async () => {
    const { store, vault, backend } = setup();
    await store.save('12345', 'old-secret');
    await store.save('12345', 'new-secret');
    expect(await vault.loadClientSecret('12345')).toBe('new-secret');
    expect(backend.entries.size).toBe(1);
  });

  it('an id in settings whose secret is missing is not usable', async () => {
    const { store, settings } = setup();
    settings.update({ clientId: '12345' });
    expect(await store.has()).toBe(false);
    await expect(store.load()).rejects.toBeInstanceOf(NoCredentialsError);
  });

  it('forget removes both the secret and the id', async () => {
    const { store, settings, backend } = setup();
    await store.save('12345', SECRET);
    await store.forget();
    expect(settings.get().clientId).toBeNull();
    expect(backend.entries.size).toBe(0);
    expect(await store.has()).toBe(false);
    await expect(store.forget()).resolves.toBeUndefined();
  });

  it('forget leaves the token records alone', async () => {
    const { store, vault } = setup();
    await store.save('12345', SECRET);
    const tokens = { athleteId: 1, accessToken: 'a', refreshToken: 'r', expiresAt: 2_000_000_000, scopes: [] };
    await vault.saveTokens(tokens);
    await store.forget();
    expect(await vault.loadTokens(1)).toEqual(tokens);
  });
});
