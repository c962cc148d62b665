// Pacebar's keychain records: one per connected athlete (tokens, expiry, scopes) and one for the
// Strava API application's client secret. Nothing secret is stored anywhere else.
// A locked Secret Service answers reads as if nothing were stored (keytar returns null and deletes
// "nothing"), so every "absent" is confirmed by a write probe before anyone acts on it.
import * as z from 'zod';
import { KeychainUnavailableError, TokensUnreadableError } from '../errors';
import type { SecretBackend } from './secretBackend';

export const DEFAULT_KEYCHAIN_SERVICE = 'Pacebar';

export const storedTokensSchema = z.object({
  athleteId: z.number().int().positive(),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  /** Epoch seconds, as Strava sends it. */
  expiresAt: z.number().int().positive(),
  scopes: z.array(z.string()),
  /**
   * Epoch seconds at which this record's refresh token was sent to be rotated; gone once the answer
   * is stored. Left behind, it says the token may have been spent by a refresh whose new pair the
   * keychain never received, so a refusal of it is no proof the grant is gone.
   */
  rotationSentAt: z.number().int().positive().optional(),
});
export type StoredTokens = z.infer<typeof storedTokensSchema>;

const ATHLETE_PREFIX = 'athlete:';
const SECRET_PREFIX = 'client-secret:';
/** Written and deleted again to tell "absent" from "locked". */
const PROBE_ACCOUNT = 'keychain-probe';

export interface KeychainRecords {
  clientIds: string[];
  athleteIds: number[];
}

export class TokenVault {
  constructor(
    private readonly backend: SecretBackend,
    readonly service: string = DEFAULT_KEYCHAIN_SERVICE,
  ) {}

  private tokensAccount(athleteId: number): string {
    return `${ATHLETE_PREFIX}${athleteId}`;
  }

  private secretAccount(clientId: string): string {
    return `${SECRET_PREFIX}${clientId}`;
  }

  /**
   * Proves the keychain takes writes now (unlocked, not full): a probe record is written and
   * deleted. Throws KeychainUnavailableError when it cannot.
   */
  async assertWritable(): Promise<void> {
    try {
      await this.backend.setPassword(this.service, PROBE_ACCOUNT, String(Date.now()));
    } catch (error) {
      if (error instanceof KeychainUnavailableError) throw error;
      throw new KeychainUnavailableError('failed');
    }
    await this.backend.deletePassword(this.service, PROBE_ACCOUNT);
  }

  /** A read that found nothing, confirmed: a locked keyring would have said the same. */
  private async read(account: string): Promise<string | null> {
    const raw = await this.backend.getPassword(this.service, account);
    if (raw === null) await this.assertWritable();
    return raw;
  }

  /** null only when there is no record; a record that does not decode is TokensUnreadableError. */
  async loadTokens(athleteId: number): Promise<StoredTokens | null> {
    const raw = await this.read(this.tokensAccount(athleteId));
    if (raw === null) return null;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new TokensUnreadableError();
    }
    const parsed = storedTokensSchema.safeParse(json);
    if (!parsed.success || parsed.data.athleteId !== athleteId) throw new TokensUnreadableError();
    return parsed.data;
  }

  async saveTokens(tokens: StoredTokens): Promise<void> {
    const record = storedTokensSchema.parse(tokens);
    await this.backend.setPassword(this.service, this.tokensAccount(record.athleteId), JSON.stringify(record));
  }

  /** Deletes the record; a keychain that claims it had none must prove it is not just locked. */
  async deleteTokens(athleteId: number): Promise<void> {
    if (!(await this.backend.deletePassword(this.service, this.tokensAccount(athleteId)))) await this.assertWritable();
  }

  async loadClientSecret(clientId: string): Promise<string | null> {
    return this.read(this.secretAccount(clientId));
  }

  async saveClientSecret(clientId: string, secret: string): Promise<void> {
    await this.backend.setPassword(this.service, this.secretAccount(clientId), secret);
  }

  async deleteClientSecret(clientId: string): Promise<void> {
    if (!(await this.backend.deletePassword(this.service, this.secretAccount(clientId)))) await this.assertWritable();
  }

  /**
   * Which API applications and athletes have records (to rebuild a damaged settings file). The
   * probe comes first: listing a locked Secret Service crashes keytar (a null secret dereferenced).
   */
  async records(): Promise<KeychainRecords> {
    await this.assertWritable();
    const accounts = (await this.backend.findCredentials(this.service)).map((entry) => entry.account);
    const clientIds = accounts.filter((a) => a.startsWith(SECRET_PREFIX)).map((a) => a.slice(SECRET_PREFIX.length));
    const athleteIds = accounts
      .filter((a) => a.startsWith(ATHLETE_PREFIX))
      .map((a) => Number(a.slice(ATHLETE_PREFIX.length)))
      .filter((id) => Number.isSafeInteger(id) && id > 0);
    return { clientIds, athleteIds };
  }
}
