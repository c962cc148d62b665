import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeychainUnavailableError, type KeychainProblem } from '../../../core/errors';
import { guardBackend, keychainProblem, type SecretBackend } from '../../../core/keychain/secretBackend';
import { memoryBackend } from '../../support/memory';
import { anyString, propertyTest, runs } from '../../support/properties';

const PROBLEMS: KeychainProblem[] = ['no_service', 'locked', 'denied', 'module_missing', 'failed'];

/** No back-off before the one retry: the tests count calls, not time. */
const FAST = { retryDelayMs: 0 };

function failing(thrown: unknown, sync = false): SecretBackend {
  const fail = sync
    ? () => {
        throw thrown;
      }
    : async () => {
        throw thrown;
      };
  return { getPassword: fail, setPassword: fail, deletePassword: fail, findCredentials: fail } as SecretBackend;
}

async function caught(promise: Promise<unknown>): Promise<KeychainUnavailableError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    return error as KeychainUnavailableError;
  }
  throw new Error('expected a rejection');
}

describe('keychainProblem', () => {
  it('no D-Bus session and no Secret Service provider are both "no keyring service", not "locked"', () => {
    expect(keychainProblem(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'))).toBe('no_service');
    expect(keychainProblem(new Error('The name org.freedesktop.secrets was not provided by any .service files'))).toBe('no_service');
    expect(keychainProblem(new Error('Cannot create an item in a locked collection'))).toBe('locked');
    // macOS, for a locked keychain it may not prompt for.
    expect(keychainProblem(new Error('User interaction is not allowed.'))).toBe('locked');
  });

  it('recognises a broken native module and denied access', () => {
    expect(keychainProblem(new Error("Cannot find module 'keytar'"))).toBe('module_missing');
    expect(keychainProblem(new Error('keytar.node was compiled against a different Node.js version'))).toBe('module_missing');
    expect(keychainProblem(new Error('User canceled the operation.'))).toBe('denied');
  });

  it('falls back to "failed", also for non-Error values', () => {
    expect(keychainProblem(new Error('something else entirely'))).toBe('failed');
    expect(keychainProblem('Cannot create an item in a locked collection')).toBe('locked');
    expect(keychainProblem(undefined)).toBe('failed');
    expect(keychainProblem({ weird: true })).toBe('failed');
  });

  it('always answers one of the problems, whatever the message', propertyTest, () => {
    fc.assert(
      fc.property(fc.oneof(anyString(), fc.constantFrom('locked', 'D-Bus', 'secrets', 'denied', 'keytar.node')), (message) => {
        expect(PROBLEMS).toContain(keychainProblem(new Error(message)));
      }),
      runs(1_000),
    );
  });
});

describe('what each problem tells the person to do', () => {
  const sentence = (message: string, platform: NodeJS.Platform = 'linux') => new KeychainUnavailableError(keychainProblem(new Error(message)), platform).message;

  it('no keyring service: start one (not "unlock"); locked: unlock it (not "install")', () => {
    for (const message of ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'The name org.freedesktop.secrets was not provided by any .service files']) {
      expect(sentence(message)).toBe('No keyring service is running: install and start GNOME Keyring or KWallet (see README › Linux desktops), then try again.');
    }
    expect(sentence('Cannot create an item in a locked collection')).toBe('Your keyring is locked: unlock it (log in again, or open Passwords and Keys), then try again.');
    expect(sentence('User interaction is not allowed.', 'darwin')).toBe('Your login keychain is locked: unlock it in Keychain Access, then try again.');
  });

  it('each is one line of its own, never the keychain\'s text', () => {
    const all = PROBLEMS.flatMap((problem) => (['linux', 'darwin', 'win32'] as const).map((platform) => new KeychainUnavailableError(problem, platform).message));
    expect(new Set(all).size).toBe(all.length - 4); // no_service and module_missing read the same on the three
    for (const message of all) {
      expect(message).not.toMatch(/\n|D-Bus|DISPLAY|org\.freedesktop|collection/);
      expect(message).toMatch(/: .*\.$/);
    }
  });
});

describe('guardBackend', () => {
  const messages = [
    'Cannot autolaunch D-Bus without X11 $DISPLAY',
    'Cannot create an item in a locked collection',
    'The name org.freedesktop.secrets was not provided by any .service files',
  ];

  for (const message of messages) {
    it(`turns "${message}" into KeychainUnavailableError for every operation`, async () => {
      const guarded = guardBackend(failing(new Error(message)), FAST);
      const errors = [
        await caught(guarded.getPassword('Pacebar', 'athlete:1')),
        await caught(guarded.setPassword('Pacebar', 'athlete:1', 'secret-value')),
        await caught(guarded.deletePassword('Pacebar', 'athlete:1')),
      ];
      for (const error of errors) {
        expect(error.code).toBe('keychain_unavailable');
        expect(error.problem).toBe(keychainProblem(new Error(message)));
        expect(error.message).not.toContain(message);
      }
    });
  }

  it('catches synchronous throws and non-Error values too', async () => {
    const error = await caught(guardBackend(failing(new Error('Cannot create an item in a locked collection'), true), FAST).getPassword('s', 'a'));
    expect(error.problem).toBe('locked');
    const weird = await caught(guardBackend(failing('just a string'), FAST).setPassword('s', 'a', 'p'));
    expect(weird.problem).toBe('failed');
  });

  it('never carries the original message text, which may hold a secret or a path', async () => {
    const secretish = 'failed to store password hunter2-REFRESH-abcdef at /home/me/.local/share/keyrings';
    const error = await caught(guardBackend(failing(new Error(secretish)), FAST).setPassword('Pacebar', 'athlete:1', 'hunter2'));
    expect(error.problem).toBe('failed');
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('/home/me');
    expect(error.message).not.toContain('failed to store');
  });

  it('the problem is always one of the fixed ones for arbitrary thrown messages', propertyTest, async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 60 }), async (message) => {
        const marker = `ZZ${message}ZZ`;
        const error = await caught(guardBackend(failing(new Error(marker)), FAST).getPassword('s', 'a'));
        expect(PROBLEMS).toContain(error.problem);
        expect(error.message).not.toContain(marker);
      }),
      runs(500),
    );
  });

  it('passes an existing KeychainUnavailableError through unchanged', async () => {
    const original = new KeychainUnavailableError('locked');
    expect(await caught(guardBackend(failing(original), FAST).getPassword('s', 'a'))).toBe(original);
  });

  it('passes successful results through', async () => {
    const guarded = guardBackend(memoryBackend());
    expect(await guarded.getPassword('s', 'a')).toBeNull();
    await guarded.setPassword('s', 'a', 'p');
    expect(await guarded.getPassword('s', 'a')).toBe('p');
    expect(await guarded.deletePassword('s', 'a')).toBe(true);
    expect(await guarded.deletePassword('s', 'a')).toBe(false);
  });
});

describe('memoryBackend', () => {
  it('keys entries by service and account without collisions', async () => {
    const backend = memoryBackend();
    await backend.setPassword('a:b', 'c', 'one');
    await backend.setPassword('a', 'b:c', 'two');
    expect(await backend.getPassword('a:b', 'c')).toBe('one');
    expect(await backend.getPassword('a', 'b:c')).toBe('two');
    expect(backend.entries.size).toBe(2);
  });
});

describe('guardBackend: one retry for a failure that may pass', () => {
  function flaky(failures: unknown[]): SecretBackend & { calls: number } {
    const inner = memoryBackend();
    const backend = {
      calls: 0,
      async getPassword(service: string, account: string) {
        backend.calls += 1;
        const failure = failures.shift();
        if (failure !== undefined) throw failure;
        return inner.getPassword(service, account);
      },
      setPassword: inner.setPassword,
      deletePassword: inner.deletePassword,
      findCredentials: inner.findCredentials,
    };
    return backend;
  }

  it('a spurious D-Bus error (many processes at once) is retried once and the answer comes back', async () => {
    const backend = flaky([new Error('Error sending credentials: Error sending message: Broken pipe')]);
    expect(await guardBackend(backend, FAST).getPassword('Pacebar', 'athlete:1')).toBeNull();
    expect(backend.calls).toBe(2);
  });

  it('fails after the one retry if the error persists', async () => {
    const backend = flaky([new Error('Timeout was reached'), new Error('Timeout was reached')]);
    const error = await caught(guardBackend(backend, FAST).getPassword('Pacebar', 'athlete:1'));
    expect(error.problem).toBe('failed');
    expect(backend.calls).toBe(2);
  });

  it('a Secret Service that did not answer (busy bus, provider still starting) is asked once more', async () => {
    for (const message of ['Error calling StartServiceByName for org.freedesktop.secrets: Timeout was reached', 'The name org.freedesktop.secrets was not provided by any .service files']) {
      const backend = flaky([new Error(message)]);
      expect(await guardBackend(backend, FAST).getPassword('Pacebar', 'athlete:1'), message).toBeNull();
      expect(backend.calls, message).toBe(2);
    }
  });

  it('a locked keyring, no D-Bus or a missing module is not retried', async () => {
    for (const message of ['Cannot create an item in a locked collection', 'Cannot autolaunch D-Bus without X11 $DISPLAY', "Cannot find module 'keytar'"]) {
      const backend = flaky([new Error(message), new Error(message)]);
      await caught(guardBackend(backend, FAST).getPassword('Pacebar', 'athlete:1'));
      expect(backend.calls, message).toBe(1);
    }
  });
});
