// In-memory stand-ins for the keychain and the settings/cache files, for unit tests and benchmarks.
import type { SecretBackend } from '../../core/keychain/secretBackend';
import type { TypedStore } from '../../core/store/settings';

/** A keychain in a Map (also to simulate one that fails: wrap or replace its methods). */
export function memoryBackend(): SecretBackend & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  const key = (service: string, account: string) => `${service}\u0000${account}`;
  return {
    entries,
    getPassword: async (service, account) => entries.get(key(service, account)) ?? null,
    setPassword: async (service, account, password) => {
      entries.set(key(service, account), password);
    },
    deletePassword: async (service, account) => entries.delete(key(service, account)),
    findCredentials: async (service) =>
      [...entries]
        .filter(([entry]) => entry.startsWith(`${service}\u0000`))
        .map(([entry, password]) => ({ account: entry.slice(service.length + 1), password })),
  };
}

/** A conf-like store in memory. */
export function memoryStore<T extends object>(defaults: T): TypedStore<T> {
  let data: T = { ...defaults };
  return {
    get store() {
      return data;
    },
    set(values) {
      data = { ...data, ...values };
    },
    clear() {
      data = { ...defaults };
    },
  };
}
