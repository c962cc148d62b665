// Runtime shapes of what the renderer may send. The renderer is treated as untrusted input:
// anything that does not match exactly (wrong type, extra key, oversized string) is refused
// before it reaches the controller.
import { z } from 'zod';
import type { CredentialsInput, SettingsPatch, SignInMethod } from '../../preload/contract';
import { REFRESH_INTERVALS } from '../../core/store/settings';

export const credentialsSchema = z.strictObject({
  clientId: z.string().regex(/^[0-9]{1,12}$/, 'The Client ID is a number of up to 12 digits.'),
  clientSecret: z
    .string()
    .min(1, 'Enter the Client Secret.')
    .max(200, 'That Client Secret is too long.')
    .regex(/^\S+$/, 'The Client Secret has no spaces.'),
});

export const signInMethodSchema = z.enum(['window', 'browser']);

export const settingsPatchSchema = z.strictObject({
  units: z.enum(['metric', 'imperial']).optional(),
  primarySport: z.enum(['run', 'ride', 'swim']).optional(),
  refreshIntervalMinutes: z
    .number()
    .refine((value) => (REFRESH_INTERVALS as readonly number[]).includes(value), 'The refresh interval must be 15, 30, 60 or 120 minutes.')
    .optional(),
  launchAtLogin: z.boolean().optional(),
  signInMethod: signInMethodSchema.optional(),
});

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function firstIssue(error: z.ZodError, fallback: string): string {
  const issue = error.issues[0];
  if (!issue) return fallback;
  // Our own messages are user-facing; zod's generic ones get a fixed, one-line wording.
  const custom = issue.code === 'invalid_format' || issue.code === 'custom' || issue.code === 'too_small' || issue.code === 'too_big';
  return custom && issue.message && !/\n/.test(issue.message) && issue.message.length <= 200 ? issue.message : fallback;
}

export function parseCredentials(input: unknown): Parsed<CredentialsInput> {
  const result = credentialsSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: firstIssue(result.error, 'Enter a Client ID and Client Secret.') };
}

export function parseSignInMethod(input: unknown): Parsed<SignInMethod> {
  const result = signInMethodSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: 'Unknown sign-in method.' };
}

export function parseSettingsPatch(input: unknown): Parsed<SettingsPatch> {
  const result = settingsPatchSchema.safeParse(input);
  if (!result.success) return { ok: false, message: firstIssue(result.error, 'That setting was not accepted; nothing was changed.') };
  // Drop keys sent as undefined so the store never receives them.
  const value = Object.fromEntries(Object.entries(result.data).filter(([, v]) => v !== undefined)) as SettingsPatch;
  return { ok: true, value };
}
