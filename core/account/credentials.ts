// The user's own Strava API application: Client ID in settings, Client Secret in the keychain.
import { InvalidInputError, NoCredentialsError } from '../errors';
import type { TokenVault } from '../keychain/tokenVault';
import type { ClientCredentials } from '../oauth/tokenClient';
import type { SettingsRepository } from '../store/settings';

/** Strava client ids are numbers; secrets are 40 hex characters today, but only shape is checked. */
export function validateCredentials(clientId: string, clientSecret: string): ClientCredentials {
  const id = clientId.trim();
  const secret = clientSecret.trim();
  if (!/^\d{1,12}$/.test(id)) throw new InvalidInputError('Client ID must be the number shown at strava.com/settings/api.');
  if (!secret) throw new InvalidInputError('Client Secret is empty: copy it from strava.com/settings/api.');
  if (/\s/.test(secret) || secret.length > 200) throw new InvalidInputError('Client Secret looks wrong: copy it again from strava.com/settings/api.');
  return { clientId: id, clientSecret: secret };
}

export class CredentialsStore {
  constructor(
    private readonly settings: SettingsRepository,
    private readonly vault: TokenVault,
  ) {}

  async save(clientId: string, clientSecret: string): Promise<void> {
    const credentials = validateCredentials(clientId, clientSecret);
    const previous = this.settings.get().clientId;
    // Secret first: a settings file naming an app whose secret is missing would be half set up.
    await this.vault.saveClientSecret(credentials.clientId, credentials.clientSecret);
    this.settings.update({ clientId: credentials.clientId });
    if (previous && previous !== credentials.clientId) await this.vault.deleteClientSecret(previous);
  }

  async load(): Promise<ClientCredentials> {
    const clientId = this.settings.get().clientId;
    if (!clientId) throw new NoCredentialsError();
    const clientSecret = await this.vault.loadClientSecret(clientId);
    if (!clientSecret) throw new NoCredentialsError();
    return { clientId, clientSecret };
  }

  async has(): Promise<boolean> {
    const clientId = this.settings.get().clientId;
    return clientId !== null && (await this.vault.loadClientSecret(clientId)) !== null;
  }

  async forget(): Promise<void> {
    const clientId = this.settings.get().clientId;
    if (clientId) await this.vault.deleteClientSecret(clientId);
    this.settings.update({ clientId: null });
  }
}
