import { describe, expect, it } from 'vitest';
import { KeychainUnavailableError, TokensUnreadableError } from '../../../core/errors';
import { guardBackend } from '../../../core/keychain/secretBackend';
import { memoryBackend } from '../../support/memory';
import { DEFAULT_KEYCHAIN_SERVICE, TokenVault, type StoredTokens } from '../../../core/keychain/tokenVault';

const tokens: StoredTokens = {
  athleteId: 134815,
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  expiresAt: 1_800_000_000,
  scopes: ['read', 'activity:read_all'],
};

function setup(service?: string) {
  const backend = memoryBackend();
  return { backend, vault: new TokenVault(backend, service) };
}

describe('TokenVault tokens', () => {
  it('saves and loads the record for an athlete', async () => {
    const { vault } = setup();
    expect(await vault.loadTokens(134815)).toBeNull();
    await vault.saveTokens(tokens);
    expect(await vault.loadTokens(134815)).toEqual(tokens);
    expect(await vault.loadTokens(999)).toBeNull();
  });

  it('stores one JSON record per athlete under the Pacebar service', async () => {
    const { vault, backend } = setup();
    await vault.saveTokens(tokens);
    expect(vault.service).toBe(DEFAULT_KEYCHAIN_SERVICE);
    expect(await backend.getPassword('Pacebar', 'athlete:134815')).toBe(JSON.stringify(tokens));
    expect(backend.entries.size).toBe(1);
  });

  it('a custom service keeps records apart', async () => {
    const backend = memoryBackend();
    const a = new TokenVault(backend, 'pacebar-test-a');
    const b = new TokenVault(backend, 'pacebar-test-b');
    await a.saveTokens(tokens);
    expect(await b.loadTokens(134815)).toBeNull();
    expect(await a.loadTokens(134815)).toEqual(tokens);
  });

  it('overwrites on save (rotation) and deletes', async () => {
    const { vault } = setup();
    await vault.saveTokens(tokens);
    const rotated = { ...tokens, accessToken: 'access-2', refreshToken: 'refresh-2', expiresAt: tokens.expiresAt + 21_600 };
    await vault.saveTokens(rotated);
    expect(await vault.loadTokens(134815)).toEqual(rotated);
    await vault.deleteTokens(134815);
    expect(await vault.loadTokens(134815)).toBeNull();
    await expect(vault.deleteTokens(134815)).resolves.toBeUndefined();
  });

  it('refuses to save a malformed record', async () => {
    const { vault, backend } = setup();
    await expect(vault.saveTokens({ ...tokens, accessToken: '' })).rejects.toThrow();
    await expect(vault.saveTokens({ ...tokens, athleteId: -1 })).rejects.toThrow();
    expect(backend.entries.size).toBe(0);
  });

  it('drops unknown fields when saving', async () => {
    const { vault, backend } = setup();
    await vault.saveTokens({ ...tokens, extra: 'x' } as StoredTokens);
    expect(JSON.parse((await backend.getPassword('Pacebar', 'athlete:134815'))!)).toEqual(tokens);
  });

  it('says a record of corrupt JSON is unreadable (not absent, not "revoked")', async () => {
    const { vault, backend } = setup();
    for (const raw of ['', '{', 'not json', '{"athleteId":134815,', 'undefined']) {
      await backend.setPassword('Pacebar', 'athlete:134815', raw);
      await expect(vault.loadTokens(134815), raw).rejects.toBeInstanceOf(TokensUnreadableError);
    }
    expect(new TokensUnreadableError().message).toMatch(/unreadable/);
    expect(new TokensUnreadableError().message).not.toMatch(/revoked/);
  });

  it('says a record of the wrong shape is unreadable', async () => {
    const { vault, backend } = setup();
    const wrong = [
      null,
      42,
      'string',
      [],
      {},
      { ...tokens, accessToken: 5 },
      { ...tokens, refreshToken: '' },
      { ...tokens, expiresAt: '1800000000' },
      { ...tokens, expiresAt: 1.5 },
      { ...tokens, scopes: 'read' },
      { ...tokens, scopes: [1] },
      { accessToken: 'a', refreshToken: 'r', expiresAt: 1, scopes: [] },
    ];
    for (const value of wrong) {
      await backend.setPassword('Pacebar', 'athlete:134815', JSON.stringify(value));
      await expect(vault.loadTokens(134815), JSON.stringify(value)).rejects.toBeInstanceOf(TokensUnreadableError);
    }
  });

  it('says a record naming a different athlete is unreadable', async () => {
    const { vault, backend } = setup();
    await backend.setPassword('Pacebar', 'athlete:134815', JSON.stringify({ ...tokens, athleteId: 777 }));
    await expect(vault.loadTokens(134815)).rejects.toBeInstanceOf(TokensUnreadableError);
  });
});

/** The Secret Service with its collection locked, as keytar sees it: reads find nothing, deletes delete nothing, writes fail. */
function lockedKeyring() {
  const fail = async () => {
    throw new Error('Cannot create an item in a locked collection');
  };
  return guardBackend(
    {
      getPassword: async () => null,
      deletePassword: async () => false,
      setPassword: fail,
      // keytar crashes the process listing a locked collection: never call it then.
      findCredentials: async () => {
        throw new Error('findCredentials on a locked collection');
      },
    },
    { retryDelayMs: 0 },
  );
}

describe('TokenVault: a locked keyring is not an empty one', () => {
  it('a read that finds nothing is confirmed, so a locked keyring is KeychainUnavailableError, not "no record"', async () => {
    const vault = new TokenVault(lockedKeyring());
    await expect(vault.loadTokens(134815)).rejects.toBeInstanceOf(KeychainUnavailableError);
    await expect(vault.loadTokens(134815)).rejects.toThrow(/locked/);
    await expect(vault.loadClientSecret('12345')).rejects.toThrow(/locked/);
  });

  it('a delete that deleted nothing is confirmed the same way', async () => {
    const vault = new TokenVault(lockedKeyring());
    await expect(vault.deleteTokens(134815)).rejects.toThrow(/locked/);
    await expect(vault.deleteClientSecret('12345')).rejects.toThrow(/locked/);
  });

  it('listing the records proves the keychain unlocked first', async () => {
    await expect(new TokenVault(lockedKeyring()).records()).rejects.toThrow(/locked/);
    const { vault } = setup();
    await vault.saveClientSecret('12345', 'secret');
    await vault.saveTokens(tokens);
    expect(await vault.records()).toEqual({ clientIds: ['12345'], athleteIds: [134815] });
  });

  it('an unlocked keyring with no record answers null and leaves no probe behind', async () => {
    const { vault, backend } = setup();
    expect(await vault.loadTokens(134815)).toBeNull();
    expect(await vault.loadClientSecret('12345')).toBeNull();
    expect([...backend.entries.keys()]).toEqual([]);
  });
});

describe('TokenVault client secret', () => {
  it('saves, loads and deletes per client id', async () => {
    const { vault, backend } = setup();
    expect(await vault.loadClientSecret('12345')).toBeNull();
    await vault.saveClientSecret('12345', 'secret-a');
    await vault.saveClientSecret('67890', 'secret-b');
    expect(await vault.loadClientSecret('12345')).toBe('secret-a');
    expect(await vault.loadClientSecret('67890')).toBe('secret-b');
    expect(await backend.getPassword('Pacebar', 'client-secret:12345')).toBe('secret-a');
    await vault.deleteClientSecret('12345');
    expect(await vault.loadClientSecret('12345')).toBeNull();
    expect(await vault.loadClientSecret('67890')).toBe('secret-b');
  });

  it('the client secret and token records never collide', async () => {
    const { vault } = setup();
    await vault.saveClientSecret('134815', 'secret');
    expect(await vault.loadTokens(134815)).toBeNull();
    await vault.saveTokens(tokens);
    expect(await vault.loadClientSecret('134815')).toBe('secret');
  });
});
