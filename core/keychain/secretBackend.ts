// The OS keychain behind a small interface: keytar in the app and the CLI, a map in unit tests.
// Any failure becomes KeychainUnavailableError with a fixed reason; there is no plaintext fallback.
import { createRequire } from 'node:module';
import { KeychainUnavailableError } from '../errors';

export interface SecretBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
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

async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof KeychainUnavailableError) throw error;
    throw new KeychainUnavailableError(keychainReason(error));
  }
}

/** Wraps any backend so every call fails only with KeychainUnavailableError. */
export function guardBackend(backend: SecretBackend): SecretBackend {
  return {
    getPassword: (service, account) => guarded(() => backend.getPassword(service, account)),
    setPassword: (service, account, password) => guarded(() => backend.setPassword(service, account, password)),
    deletePassword: (service, account) => guarded(() => backend.deletePassword(service, account)),
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
  });
}
