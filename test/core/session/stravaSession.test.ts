import { describe, expect, it, vi } from 'vitest';
import { KeychainUnavailableError, NetworkError, ReconnectNeededError, ServerError, TimeoutError, UnauthorizedError } from '../../../core/errors';
import { memoryBackend } from '../../support/memory';
import { TokenVault, type StoredTokens } from '../../../core/keychain/tokenVault';
import type { ClientCredentials, TokenClient } from '../../../core/oauth/tokenClient';
import { REFRESH_DEADLINE_MS, REFRESH_MARGIN_MS, StravaSession } from '../../../core/session/stravaSession';
import { processLock } from '../../../core/store/folderLock';
import type { TokenResponse } from '../../../core/strava/models';

const ATHLETE = 134815;
const NOW = Date.UTC(2026, 10, 18, 17, 40);
const NOW_S = NOW / 1000;
const CREDENTIALS: ClientCredentials = { clientId: '12345', clientSecret: 'client-secret' };

function record(overrides: Partial<StoredTokens> = {}): StoredTokens {
  return {
    athleteId: ATHLETE,
    accessToken: 'access-0',
    refreshToken: 'refresh-0',
    expiresAt: NOW_S + 6 * 3600,
    scopes: ['read', 'activity:read_all'],
    ...overrides,
  };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A TokenClient stand-in: counts refreshes, records what it was asked, answers as told. */
class FakeTokenClient {
  calls: { credentials: ClientCredentials; refreshToken: string }[] = [];
  /** Next answers; when empty, rotates to access-N / refresh-N valid for six hours. */
  answers: (() => Promise<TokenResponse>)[] = [];
  gate: Promise<void> | null = null;
  onRefresh: (() => void) | null = null;

  get count(): number {
    return this.calls.length;
  }

  async refresh(credentials: ClientCredentials, refreshToken: string): Promise<TokenResponse> {
    this.calls.push({ credentials, refreshToken });
    const n = this.calls.length;
    this.onRefresh?.();
    if (this.gate) await this.gate;
    const answer = this.answers.shift();
    if (answer) return answer();
    return { token_type: 'Bearer', access_token: `access-${n}`, refresh_token: `refresh-${n}`, expires_at: NOW_S + 6 * 3600, expires_in: 21600 };
  }
}

function setup(initial: StoredTokens | null = record()) {
  let now = NOW;
  const backend = memoryBackend();
  const vault = new TokenVault(backend, 'pacebar-unit');
  const tokenClient = new FakeTokenClient();
  const session = new StravaSession({
    athleteId: ATHLETE,
    vault,
    tokenClient: tokenClient as unknown as TokenClient,
    credentials: async () => CREDENTIALS,
    clock: () => now,
    lock: processLock(),
  });
  const ready = initial ? vault.saveTokens(initial) : Promise.resolve();
  return {
    session,
    vault,
    backend,
    tokenClient,
    ready,
    setNow: (value: number) => {
      now = value;
    },
  };
}

describe('StravaSession.accessToken', () => {
  it('returns a fresh token without refreshing, and caches the record', async () => {
    const { session, tokenClient, ready, vault } = setup();
    await ready;
    expect(await session.accessToken()).toBe('access-0');
    await vault.saveTokens(record({ accessToken: 'changed-elsewhere' }));
    expect(await session.accessToken()).toBe('access-0');
    expect(tokenClient.count).toBe(0);
    expect(await session.scopes()).toEqual(['read', 'activity:read_all']);
  });

  it('a token valid for just over five minutes is used as is', async () => {
    const { session, tokenClient, ready } = setup(record({ expiresAt: NOW_S + REFRESH_MARGIN_MS / 1000 + 1 }));
    await ready;
    expect(await session.accessToken()).toBe('access-0');
    expect(tokenClient.count).toBe(0);
  });

  it('refreshes when the token expires within five minutes, with the stored refresh token', async () => {
    for (const expiresAt of [NOW_S + 299, NOW_S + 300, NOW_S + 1, NOW_S - 3600]) {
      const { session, tokenClient, ready, vault } = setup(record({ expiresAt }));
      await ready;
      expect(await session.accessToken()).toBe('access-1');
      expect(tokenClient.calls).toEqual([{ credentials: CREDENTIALS, refreshToken: 'refresh-0' }]);
      expect(await vault.loadTokens(ATHLETE)).toEqual(record({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: NOW_S + 6 * 3600 }));
    }
  });

  it('refreshes once the clock moves into the margin', async () => {
    const { session, tokenClient, ready, setNow } = setup(record({ expiresAt: NOW_S + 3600 }));
    await ready;
    expect(await session.accessToken()).toBe('access-0');
    setNow(NOW + 3600_000 - REFRESH_MARGIN_MS + 1);
    expect(await session.accessToken()).toBe('access-1');
    expect(tokenClient.count).toBe(1);
  });

  it('20 concurrent callers on an expired token share exactly one refresh', async () => {
    const { session, tokenClient, ready } = setup(record({ expiresAt: NOW_S - 10 }));
    await ready;
    const tokens = await Promise.all(Array.from({ length: 20 }, () => session.accessToken()));
    expect(tokens).toEqual(Array.from({ length: 20 }, () => 'access-1'));
    expect(tokenClient.count).toBe(1);
    // And the next call uses the renewed token without another refresh.
    expect(await session.accessToken()).toBe('access-1');
    expect(tokenClient.count).toBe(1);
  });

  it('keeps the scopes of the stored record across a refresh', async () => {
    const { session, ready } = setup(record({ expiresAt: NOW_S - 10, scopes: ['read'] }));
    await ready;
    await session.accessToken();
    expect(await session.scopes()).toEqual(['read']);
  });

  it('with no record, asks to reconnect', async () => {
    const { session, tokenClient } = setup(null);
    await expect(session.accessToken()).rejects.toBeInstanceOf(ReconnectNeededError);
    expect(tokenClient.count).toBe(0);
  });

  it('a transient refresh failure is passed on, keeps the record, and the next call tries again', async () => {
    const { session, tokenClient, ready, vault} = setup(record({ expiresAt: NOW_S - 10 }));
    await ready;
    tokenClient.answers.push(() => Promise.reject(new ServerError(503)));
    await expect(session.accessToken()).rejects.toBeInstanceOf(ServerError);
    expect(await vault.loadTokens(ATHLETE)).toEqual(record({ expiresAt: NOW_S - 10 }));
    expect(await session.accessToken()).toBe('access-2');
    expect(tokenClient.count).toBe(2);
  });
});

describe('StravaSession: the rotated refresh token is persisted before the new access token is used', () => {
  /**
   * Logs each save's start and end; `onSaveStart` hears of a save of the rotated pair (refresh-1) as
   * it begins, `gate` holds that save there.
   */
  function orderedVault(vault: TokenVault, log: string[], gate?: Promise<void>, onSaveStart?: () => void) {
    const save = vault.saveTokens.bind(vault);
    vault.saveTokens = async (tokens: StoredTokens) => {
      log.push(`save:start ${tokens.refreshToken}`);
      if (tokens.refreshToken === 'refresh-1') {
        onSaveStart?.();
        if (gate) await gate;
      }
      await save(tokens);
      log.push(`save:done ${tokens.refreshToken}`);
    };
  }

  it('the caller that triggered the refresh gets the token only after the save completed', async () => {
    const { session, ready, vault } = setup(record({ expiresAt: NOW_S - 10 }));
    await ready;
    const log: string[] = [];
    orderedVault(vault, log);
    const token = await session.accessToken();
    log.push(`use ${token}`);
    // The record is written once before the refresh (proof the keychain takes writes, nothing spent
    // otherwise), then the rotated pair, then the token is used.
    expect(log).toEqual(['save:start refresh-0', 'save:done refresh-0', 'save:start refresh-1', 'save:done refresh-1', 'use access-1']);
  });

  it('no caller gets the new access token while the keychain write is still in progress', async () => {
    const { session, ready, vault } = setup(record({ expiresAt: NOW_S - 10 }));
    await ready;
    const log: string[] = [];
    const slowWrite = deferred<void>();
    const saveStarted = deferred<void>();
    orderedVault(vault, log, slowWrite.promise, () => saveStarted.resolve());

    const first = session.accessToken().then((token) => log.push(`use ${token} (first)`));
    // The refresh answer arrives and the (slow) keychain write begins.
    await saveStarted.promise;
    expect(log).toEqual(['save:start refresh-0', 'save:done refresh-0', 'save:start refresh-1']);
    // A second caller arrives while the rotated refresh token is not yet stored.
    const second = session.accessToken().then((token) => log.push(`use ${token} (second)`));
    for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
    slowWrite.resolve();
    await Promise.all([first, second]);

    const saved = log.indexOf('save:done refresh-1');
    expect(saved).toBeGreaterThanOrEqual(0);
    for (const [index, entry] of log.entries()) {
      if (entry.startsWith('use access-1')) expect(index, `"${entry}" came before the save finished: ${log.join(' | ')}`).toBeGreaterThan(saved);
    }
  });
});

describe('StravaSession: a keychain that cannot take the rotated pair', () => {
  it('a keychain refusing writes (locked, disk full) is found out before the refresh token is spent', async () => {
    const { session, ready, vault, tokenClient } = setup(record({ expiresAt: NOW_S - 10 }));
    await ready;
    const failure = new KeychainUnavailableError('failed');
    vault.saveTokens = async () => {
      throw failure;
    };
    await expect(session.accessToken()).rejects.toBe(failure);
    await expect(session.accessToken()).rejects.toBe(failure);
    // Never sent: refresh-0 is still good at Strava, and still the stored record.
    expect(tokenClient.count).toBe(0);
    expect(await vault.loadTokens(ATHLETE)).toEqual(record({ expiresAt: NOW_S - 10 }));
  });

  it('if the write fails after all, keeps the rotated pair in memory, never uses it unsaved, and stores it once the keychain is back', async () => {
    const { session, ready, vault, tokenClient } = setup(record({ expiresAt: NOW_S - 10 }));
    await ready;
    const failure = new Error('keychain write failed');
    const save = vault.saveTokens.bind(vault);
    // The proof write before the refresh goes through; the keychain fails just after.
    vault.saveTokens = async (tokens: StoredTokens) => {
      if (tokens.rotationSentAt !== undefined) return save(tokens);
      throw failure;
    };
    await expect(session.accessToken()).rejects.toBe(failure);
    // Still locked: the new access token is not handed out, and Strava is not asked again
    // (refresh-0 is already invalid there).
    await expect(session.accessToken()).rejects.toBe(failure);
    expect(tokenClient.count).toBe(1);

    vault.saveTokens = save;
    expect(await session.accessToken()).toBe('access-1');
    expect((await vault.loadTokens(ATHLETE))?.refreshToken).toBe('refresh-1');
    expect(tokenClient.count).toBe(1);
  });
});

describe('StravaSession.withToken', () => {
  it('runs the call with the current token', async () => {
    const { session, ready, tokenClient } = setup();
    await ready;
    expect(await session.withToken(async (token) => `called with ${token}`)).toBe('called with access-0');
    expect(tokenClient.count).toBe(0);
  });

  it('on a 401 refreshes once and retries with the new token', async () => {
    const { session, ready, tokenClient, vault } = setup();
    await ready;
    const seen: string[] = [];
    const result = await session.withToken(async (token) => {
      seen.push(token);
      if (token === 'access-0') throw new UnauthorizedError();
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(seen).toEqual(['access-0', 'access-1']);
    expect(tokenClient.count).toBe(1);
    expect((await vault.loadTokens(ATHLETE))?.refreshToken).toBe('refresh-1');
  });

  it('a second 401 right after a refresh means reconnect needed', async () => {
    const { session, ready, tokenClient} = setup();
    await ready;
    let calls = 0;
    await expect(
      session.withToken(async () => {
        calls += 1;
        throw new UnauthorizedError();
      }),
    ).rejects.toBeInstanceOf(ReconnectNeededError);
    expect(calls).toBe(2);
    expect(tokenClient.count).toBe(1);
  });

  it('errors other than 401 pass through without a refresh or retry', async () => {
    const { session, ready, tokenClient } = setup();
    await ready;
    let calls = 0;
    const failure = new NetworkError('connection refused');
    await expect(
      session.withToken(async () => {
        calls += 1;
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(calls).toBe(1);
    expect(tokenClient.count).toBe(0);
  });

  it('a non-401 failure of the retry passes through unchanged', async () => {
    const { session, ready } = setup();
    await ready;
    const failure = new ServerError(500);
    await expect(
      session.withToken(async (token) => {
        if (token === 'access-0') throw new UnauthorizedError();
        throw failure;
      }),
    ).rejects.toBe(failure);
  });

  it('concurrent 401s share one refresh and all retry with the new token', async () => {
    const { session, ready, tokenClient } = setup();
    await ready;
    const gate = deferred<void>();
    tokenClient.gate = gate.promise;
    const seen: string[] = [];
    const call = async (token: string) => {
      seen.push(token);
      if (token === 'access-0') throw new UnauthorizedError();
      return token;
    };
    const all = Promise.all(Array.from({ length: 8 }, () => session.withToken(call)));
    for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setImmediate(resolve));
    gate.resolve();
    expect(await all).toEqual(Array.from({ length: 8 }, () => 'access-1'));
    expect(tokenClient.count).toBe(1);
    expect(seen.filter((token) => token === 'access-0')).toHaveLength(8);
  });

  it('a 401 arriving after a concurrent caller already refreshed reuses that token', async () => {
    const { session, ready, tokenClient } = setup();
    await ready;
    const late = deferred<void>();
    const slow = session.withToken(async (token) => {
      if (token === 'access-0') {
        await late.promise;
        throw new UnauthorizedError();
      }
      return token;
    });
    const fast = await session.withToken(async (token) => {
      if (token === 'access-0') throw new UnauthorizedError();
      return token;
    });
    expect(fast).toBe('access-1');
    late.resolve();
    expect(await slow).toBe('access-1');
    expect(tokenClient.count).toBe(1);
  });
});

describe('StravaSession: refused refresh', () => {
  it('deletes the record and throws ReconnectNeededError', async () => {
    const { session, ready, tokenClient, vault} = setup(record({ expiresAt: NOW_S - 10 }));
    await ready;
    tokenClient.answers.push(() => Promise.reject(new ReconnectNeededError()));
    await expect(session.accessToken()).rejects.toBeInstanceOf(ReconnectNeededError);
    expect(await vault.loadTokens(ATHLETE)).toBeNull();
    // Nothing left to refresh with: later calls fail without hitting Strava.
    await expect(session.accessToken()).rejects.toBeInstanceOf(ReconnectNeededError);
    expect(tokenClient.count).toBe(1);
  });

  it('after a 401, a refused refresh also deletes the record', async () => {
    const { session, ready, tokenClient, vault} = setup();
    await ready;
    tokenClient.answers.push(() => Promise.reject(new ReconnectNeededError()));
    await expect(
      session.withToken(async () => {
        throw new UnauthorizedError();
      }),
    ).rejects.toBeInstanceOf(ReconnectNeededError);
    expect(await vault.loadTokens(ATHLETE)).toBeNull();
  });

  it('if another process rotated the token meanwhile, adopts it instead of giving up', async () => {
    const { session, ready, tokenClient, vault} = setup(record({ expiresAt: NOW_S - 10 }));
    await ready;
    const theirs = record({ accessToken: 'their-access', refreshToken: 'their-refresh', expiresAt: NOW_S + 6 * 3600 });
    tokenClient.answers.push(async () => {
      // The other process (CLI or app) won the race: it stored its rotation, ours is refused.
      await vault.saveTokens(theirs);
      throw new ReconnectNeededError();
    });
    expect(await session.accessToken()).toBe('their-access');
    expect(await vault.loadTokens(ATHLETE)).toEqual(theirs);
  });
});

describe('StravaSession: another process rotated the token in the vault', () => {
  it('adopts the stored token without a network refresh when ours has expired', async () => {
    const { session, ready, tokenClient, vault, setNow } = setup(record({ expiresAt: NOW_S + 3600 }));
    await ready;
    expect(await session.accessToken()).toBe('access-0');
    const theirs = record({ accessToken: 'cli-access', refreshToken: 'cli-refresh', expiresAt: NOW_S + 7 * 3600 });
    await vault.saveTokens(theirs);
    setNow(NOW + 3600_000); // our in-memory copy is now expired
    expect(await session.accessToken()).toBe('cli-access');
    expect(tokenClient.count).toBe(0);
    expect(await vault.loadTokens(ATHLETE)).toEqual(theirs);
  });

  it('adopts the stored token after a 401 without a network refresh', async () => {
    const { session, ready, tokenClient, vault } = setup();
    await ready;
    const seen: string[] = [];
    const result = await session.withToken(async (token) => {
      seen.push(token);
      if (token === 'access-0') {
        await vault.saveTokens(record({ accessToken: 'cli-access', refreshToken: 'cli-refresh' }));
        throw new UnauthorizedError();
      }
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(seen).toEqual(['access-0', 'cli-access']);
    expect(tokenClient.count).toBe(0);
  });

  it('refreshes with the stored (newer) refresh token when the stored access token is also stale', async () => {
    const { session, ready, tokenClient, vault } = setup(record({ expiresAt: NOW_S - 10 }));
    await ready;
    await session.scopes(); // load our copy
    await vault.saveTokens(record({ accessToken: 'cli-access', refreshToken: 'cli-refresh', expiresAt: NOW_S + 60 }));
    expect(await session.accessToken()).toBe('access-1');
    expect(tokenClient.calls.map((call) => call.refreshToken)).toEqual(['cli-refresh']);
  });
});

describe('StravaSession: the shared refresh has a deadline', () => {
  it('a refresh that never answers frees every waiting caller with TimeoutError at the deadline, and keeps the record', async () => {
    vi.useFakeTimers();
    try {
      const { session, ready, vault, tokenClient } = setup(record({ expiresAt: NOW_S - 10 }));
      await ready;
      tokenClient.gate = new Promise<void>(() => {}); // Strava never answers
      const callers = Array.from({ length: 3 }, () => session.accessToken());
      const outcomes = callers.map((caller) => caller.then(() => 'token', (error: unknown) => error));
      await vi.advanceTimersByTimeAsync(REFRESH_DEADLINE_MS);
      for (const outcome of await Promise.all(outcomes)) expect(outcome).toBeInstanceOf(TimeoutError);
      expect(tokenClient.count).toBe(1);
      // The tokens are kept; the note says a rotation was sent and its answer never stored.
      const kept = await vault.loadTokens(ATHLETE);
      expect({ ...kept, rotationSentAt: undefined }).toEqual({ ...record({ expiresAt: NOW_S - 10 }), rotationSentAt: undefined });
      expect(kept?.rotationSentAt).toBeDefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a refused token whose earlier rotation was never recorded is kept: no proof the grant is gone', async () => {
    const { session, ready, vault, tokenClient } = setup(record({ expiresAt: NOW_S - 10, rotationSentAt: NOW_S - 60 }));
    await ready;
    tokenClient.answers.push(() => Promise.reject(new ReconnectNeededError()));
    await expect(session.accessToken()).rejects.toBeInstanceOf(ReconnectNeededError);
    expect((await vault.loadTokens(ATHLETE))?.refreshToken).toBe('refresh-0');
    // And this process does not send the dead token again.
    await expect(session.accessToken()).rejects.toBeInstanceOf(ReconnectNeededError);
    expect(tokenClient.count).toBe(1);
  });
});
