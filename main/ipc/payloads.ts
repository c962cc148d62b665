// Runtime shapes of what the renderer may send. The renderer is treated as untrusted input:
// anything that does not match exactly (wrong type, extra key, oversized string) is refused
// before it reaches the controller. The rules are core's (settings and credentials are declared once).
import { z } from 'zod';
import { credentialsInputSchema } from '../../core/account/credentials';
import { SIGN_IN_METHODS, goalInputRule, goalRule, userSettingsPatchSchema, type CredentialsInput, type GoalInput, type SettingsPatch, type SignInMethod } from '../../core/domain';

const signInMethodSchema = z.enum(SIGN_IN_METHODS);

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function firstIssue(error: z.ZodError, fallback: string): string {
  const issue = error.issues[0];
  if (!issue) return fallback;
  // Our own messages are user-facing; zod's generic ones get a fixed, one-line wording.
  const custom = issue.code === 'invalid_format' || issue.code === 'custom' || issue.code === 'too_small' || issue.code === 'too_big';
  return custom && issue.message && !/\n/.test(issue.message) && issue.message.length <= 200 ? issue.message : fallback;
}

export function parseCredentials(input: unknown): Parsed<CredentialsInput> {
  const result = credentialsInputSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: firstIssue(result.error, 'Enter a Client ID and Client Secret.') };
}

export function parseSignInMethod(input: unknown): Parsed<SignInMethod> {
  const result = signInMethodSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: 'Unknown sign-in method.' };
}

/** A Strava activity id: a positive whole number. */
export function parseActivityId(input: unknown): Parsed<number> {
  const result = z.number().int().positive().max(Number.MAX_SAFE_INTEGER).safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: 'That is not a Strava activity.' };
}

export function parseSettingsPatch(input: unknown): Parsed<SettingsPatch> {
  const result = userSettingsPatchSchema.safeParse(input);
  if (!result.success) return { ok: false, message: firstIssue(result.error, 'That setting was not accepted; nothing was changed.') };
  // Drop keys sent as undefined so the store never receives them.
  const value = Object.fromEntries(Object.entries(result.data).filter(([, v]) => v !== undefined)) as SettingsPatch;
  return { ok: true, value };
}

/** A goal to add, by the settings' own rule (its id is Pacebar's to give, so none may be sent). */
export function parseGoalInput(input: unknown): Parsed<GoalInput> {
  const result = goalInputRule.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  // Every field of the rule has its own user-facing message; only the object's shape (not an
  // object, an unknown key) gets zod's generic wording, replaced here.
  const issue = result.error.issues[0];
  const ours = issue !== undefined && issue.path.length > 0 && issue.code !== 'unrecognized_keys';
  return { ok: false, message: ours ? issue.message : 'That goal was not accepted; nothing was changed.' };
}

/** A goal's id, by the same rule as the stored goals'. */
export function parseGoalId(input: unknown): Parsed<number> {
  const result = goalRule.shape.id.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: 'That is not one of your goals.' };
}
