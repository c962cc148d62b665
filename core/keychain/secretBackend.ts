// The OS keychain behind a small interface: keytar in the app and the CLI, a map in unit tests.
// Any failure becomes KeychainUnavailableError with a classified problem; there is no plaintext fallback.
// A failure that may pass (a D-Bus hiccup with many processes at once) is tried once more.
import { createRequire } from 'node:module';
import { KeychainUnavailableError, type KeychainProblem } from '../errors';

export interface SecretBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  /** Every record of `service` (keytar's findCredentials). */
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}

/**
 * What kind of failure a keychain error is (KeychainProblem), from its text. The text itself is
 * never kept: it may hold a path or worse. No D-Bus session ("Cannot autolaunch D-Bus without X11
 * $DISPLAY") and no Secret Service provider ("org.freedesktop.secrets was not provided by any
 * .service files") both mean no keyring service is running.
 */
export function keychainProblem(error: unknown): KeychainProblem {
  const message = error instanceof Error ? error.message : String(error);
  // macOS answers "User interaction is not allowed" for a locked keychain it may not prompt for.
  if (/locked|interaction is not allowed/i.test(message)) return 'locked';
  if (/D-Bus|dbus|DISPLAY|secrets|Secret Service|org\.freedesktop/i.test(message)) return 'no_service';
  if (/cannot find module|keytar\.node|was compiled against/i.test(message)) return 'module_missing';
  if (/denied|not allowed|user canceled|interaction/i.test(message)) return 'denied';
  return 'failed';
}

/**
 * Failures that will not change by asking again at once: a locked keyring, a refusal, a missing
 * module, no session bus at all. A Secret Service that did not answer (no provider started yet,
 * or a busy bus with many processes at once: "…org.freedesktop.secrets: Timeout was reached")
 * and anything unexplained get the one retry.
 */
function lasting(error: unknown, problem: KeychainProblem): boolean {
  if (problem === 'no_service') return error instanceof KeychainUnavailableError || /D-Bus|dbus|DISPLAY/i.test(error instanceof Error ? error.message : String(error));
  return problem !== 'failed';
}

/** How long to wait before the one retry of a failure that may pass. */
export const KEYCHAIN_RETRY_DELAY_MS = 50;

async function guarded<T>(operation: () => Promise<T>, retryDelayMs: number): Promise<T> {
  const typed = (error: unknown) => (error instanceof KeychainUnavailableError ? error : new KeychainUnavailableError(keychainProblem(error)));
  try {
    return await operation();
  } catch (error) {
    const first = typed(error);
    if (lasting(error, first.problem)) throw first;
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
    try {
      return await operation();
    } catch (again) {
      throw typed(again);
    }
  }
}

/** Wraps any backend so every call fails only with KeychainUnavailableError, after one retry where that may help. */
export function guardBackend(backend: SecretBackend, options: { retryDelayMs?: number } = {}): SecretBackend {
  const delay = options.retryDelayMs ?? KEYCHAIN_RETRY_DELAY_MS;
  return {
    getPassword: (service, account) => guarded(() => backend.getPassword(service, account), delay),
    setPassword: (service, account, password) => guarded(() => backend.setPassword(service, account, password), delay),
    deletePassword: (service, account) => guarded(() => backend.deletePassword(service, account), delay),
    findCredentials: (service) => guarded(() => backend.findCredentials(service), delay),
  };
}

/** keytar is loaded lazily so a missing or broken native module is a typed error, not a crash at start. */
export function keytarBackend(): SecretBackend {
  let loaded: SecretBackend | null = null;
  const load = (): SecretBackend => {
    if (!loaded) {
      const require = createRequire(import.meta.url);
      loaded = require('keytar') as SecretBackend;
    }
    return loaded;
  };
  return guardBackend({
    getPassword: async (service, account) => load().getPassword(service, account),
    setPassword: async (service, account, password) => load().setPassword(service, account, password),
    deletePassword: async (service, account) => load().deletePassword(service, account),
    findCredentials: async (service) => load().findCredentials(service),
  });
}
