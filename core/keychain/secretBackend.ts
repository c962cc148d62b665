// The OS keychain behind a small interface: keytar in the app and the CLI, a map in unit tests.
// Any failure becomes KeychainUnavailableError with a fixed reason; there is no plaintext fallback.
// A failure that may pass (a D-Bus hiccup with many processes at once) is tried once more.
import { createRequire } from 'node:module';
import { KeychainUnavailableError } from '../errors';

export interface SecretBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  /** Every record of `service` (keytar's findCredentials). */
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}

/** Fixed, secret-free reasons for what went wrong with the keychain. */
export function keychainReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/locked/i.test(message)) return 'the keyring is locked';
  if (/D-Bus|dbus|DISPLAY/i.test(message)) return 'no D-Bus session: no Secret Service to talk to';
  if (/secrets|Secret Service|org\.freedesktop/i.test(message)) return 'no Secret Service (GNOME Keyring or KWallet) is running';
  if (/cannot find module|keytar\.node|was compiled against/i.test(message)) return 'the keychain module could not be loaded';
  if (/denied|not allowed|user canceled|interaction/i.test(message)) return 'access was denied';
  return 'the keychain reported an error';
}

/** Reasons that will not change by asking again at once: a locked keyring, no D-Bus, no module, a refusal. */
const LASTING_REASONS: ReadonlySet<string> = new Set([
  'the keyring is locked',
  'no D-Bus session: no Secret Service to talk to',
  'the keychain module could not be loaded',
  'access was denied',
]);

/** How long to wait before the one retry of a failure that may pass. */
export const KEYCHAIN_RETRY_DELAY_MS = 50;

async function guarded<T>(operation: () => Promise<T>, retryDelayMs: number): Promise<T> {
  const typed = (error: unknown) => (error instanceof KeychainUnavailableError ? error : new KeychainUnavailableError(keychainReason(error)));
  try {
    return await operation();
  } catch (error) {
    const first = typed(error);
    if (LASTING_REASONS.has(first.reason)) throw first;
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
