// Pacebar's keychain records: one per connected athlete (tokens, expiry, scopes) and one for the
// Strava API application's client secret. Nothing secret is stored anywhere else.
import * as z from 'zod';
import type { SecretBackend } from './secretBackend';

export const DEFAULT_KEYCHAIN_SERVICE = 'Pacebar';

export const storedTokensSchema = z.object({
  athleteId: z.number().int().positive(),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  /** Epoch seconds, as Strava sends it. */
  expiresAt: z.number().int().positive(),
  scopes: z.array(z.string()),
});
export type StoredTokens = z.infer<typeof storedTokensSchema>;

export class TokenVault {
  constructor(
    private readonly backend: SecretBackend,
    readonly service: string = DEFAULT_KEYCHAIN_SERVICE,
  ) {}

  private tokensAccount(athleteId: number): string {
    return `athlete:${athleteId}`;
  }

  private secretAccount(clientId: string): string {
    return `client-secret:${clientId}`;
  }

  /** A record that does not decode is treated as absent: the user reconnects, nothing crashes. */
  async loadTokens(athleteId: number): Promise<StoredTokens | null> {
    const raw = await this.backend.getPassword(this.service, this.tokensAccount(athleteId));
    if (raw === null) return null;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return null;
    }
    const parsed = storedTokensSchema.safeParse(json);
    return parsed.success && parsed.data.athleteId === athleteId ? parsed.data : null;
  }

  async saveTokens(tokens: StoredTokens): Promise<void> {
    const record = storedTokensSchema.parse(tokens);
    await this.backend.setPassword(this.service, this.tokensAccount(record.athleteId), JSON.stringify(record));
  }

  async deleteTokens(athleteId: number): Promise<void> {
    await this.backend.deletePassword(this.service, this.tokensAccount(athleteId));
  }

  async loadClientSecret(clientId: string): Promise<string | null> {
    return this.backend.getPassword(this.service, this.secretAccount(clientId));
  }

  async saveClientSecret(clientId: string, secret: string): Promise<void> {
    await this.backend.setPassword(this.service, this.secretAccount(clientId), secret);
  }

  async deleteClientSecret(clientId: string): Promise<void> {
    await this.backend.deletePassword(this.service, this.secretAccount(clientId));
  }
}
