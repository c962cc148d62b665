// The user's own Strava API application: Client ID in settings, Client Secret in the keychain.
import * as z from 'zod';
import { clientIdRule } from '../domain';
import { InvalidInputError, NoCredentialsError } from '../errors';
import type { TokenVault } from '../keychain/tokenVault';
import type { ClientCredentials } from '../oauth/tokenClient';
import type { SettingsRepository } from '../store/settings';

/**
 * The API application as the person types or pastes it (surrounding white space forgiven).
 * Secrets are 40 hex characters today, but only their shape is checked.
 */
export const credentialsInputSchema = z.strictObject({
  clientId: z.string().trim().pipe(clientIdRule),
  clientSecret: z
    .string()
    .trim()
    .min(1, 'Client Secret is empty: copy it from strava.com/settings/api.')
    .max(200, 'Client Secret looks wrong: copy it again from strava.com/settings/api.')
    .regex(/^\S+$/, 'Client Secret looks wrong: copy it again from strava.com/settings/api.'),
});

export function validateCredentials(clientId: string, clientSecret: string): ClientCredentials {
  const parsed = credentialsInputSchema.safeParse({ clientId, clientSecret });
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues[0]?.message ?? 'Enter a Client ID and Client Secret.');
  return parsed.data;
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
