// `pacebar config [get KEY | set KEY VALUE]` → what to do. The key and the value are decoded here by
// core's settings text (core/store/settingsText.ts), so a bad one is refused before anything opens.
import type { SettingsPatch } from '../core/domain';
import { InvalidInputError } from '../core/errors';
import { settingTextOf, settingsPatchFromText } from '../core/store/settingsText';
import { UsageError } from './exitCodes';

export type ConfigAction = { verb: 'list' } | { verb: 'get'; key: string } | { verb: 'set'; key: string; patch: SettingsPatch };

const USAGE = 'Usage: pacebar config [get KEY | set KEY VALUE]. See: pacebar config --help';

/** core's one-line refusal, as a usage error (exit 2). */
function decoded<T>(decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    if (error instanceof InvalidInputError) throw new UsageError(error.message);
    throw error;
  }
}

/** Positionals after `config`; never repeated in an error (a secret may have been pasted there). */
export function parseConfigAction(positionals: readonly string[]): ConfigAction {
  const [verb, key, ...value] = positionals;
  if (verb === undefined) return { verb: 'list' };
  if (verb === 'get') {
    if (key === undefined || value.length > 0) throw new UsageError(`Usage: pacebar config get KEY. See: pacebar config --help`);
    return { verb: 'get', key: decoded(() => settingTextOf(key)).key };
  }
  if (verb === 'set') {
    if (key === undefined || value.length === 0) throw new UsageError(`Usage: pacebar config set KEY VALUE. See: pacebar config --help`);
    const entry = decoded(() => settingTextOf(key));
    // "sun 20:00" may come as one argument or two.
    return { verb: 'set', key: entry.key, patch: decoded(() => settingsPatchFromText(entry.key, value.join(' '))) };
  }
  throw new UsageError(USAGE);
}
