// Command-line parsing (node:util parseArgs): argv → one typed command, or a UsageError whose
// message never repeats an option's value (a pasted secret must not come back on screen).
import { parseArgs } from 'node:util';
import { CLIENT_ID_RULE, clientIdRule } from '../core/domain';
import { closestWord } from './closestWord';
import { UsageError } from './exitCodes';
import { parseConfigAction, type ConfigAction } from './configArgs';
import { parseGoalsAction, type GoalsAction } from './goalsArgs';

export const COMMANDS = ['setup', 'login', 'status', 'goals', 'config', 'logout', 'help'] as const;
export type CommandName = (typeof COMMANDS)[number];
export const FORMATS = ['text', 'json', 'waybar'] as const;
export type Format = (typeof FORMATS)[number];
export type FetchMode = 'auto' | 'offline' | 'refresh';

export type Command =
  | { kind: 'help'; topic: CommandName | null }
  | { kind: 'version' }
  | { kind: 'setup'; clientId: string; secretFromStdin: boolean }
  | { kind: 'login'; open: boolean; force: boolean }
  | { kind: 'status'; format: Format; mode: FetchMode }
  | { kind: 'logout'; forgetCredentials: boolean }
  | { kind: 'config'; action: ConfigAction }
  | { kind: 'goals'; action: GoalsAction };

type OptionSpec = { type: 'string' | 'boolean'; short?: string };
const helpOption = { help: { type: 'boolean', short: 'h' } } as const satisfies Record<string, OptionSpec>;

/** Every command's options (each is documented in cli/usage.ts; a test holds both to it). */
export const optionsOf = {
  setup: { ...helpOption, 'client-id': { type: 'string' }, 'client-secret-stdin': { type: 'boolean' } },
  login: { ...helpOption, 'no-open': { type: 'boolean' }, force: { type: 'boolean' } },
  status: { ...helpOption, format: { type: 'string', short: 'f' }, offline: { type: 'boolean' }, refresh: { type: 'boolean' } },
  logout: { ...helpOption, 'forget-credentials': { type: 'boolean' } },
  config: { ...helpOption },
  goals: {
    ...helpOption,
    format: { type: 'string', short: 'f' },
    offline: { type: 'boolean' },
    refresh: { type: 'boolean' },
    sport: { type: 'string' },
    period: { type: 'string' },
    distance: { type: 'string' },
    time: { type: 'string' },
    elevation: { type: 'string' },
    count: { type: 'string' },
  },
  help: { ...helpOption },
} as const satisfies Record<CommandName, Record<string, OptionSpec>>;

const SECRET_IN_ARGV =
  'The Client Secret is not accepted as an argument: arguments are visible to other users (ps) and kept in shell history. ' +
  'Pipe it in with --client-secret-stdin, or leave the flag out to be asked for it.';

function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

/**
 * Only a word shaped like a command or option is ever repeated back: a pasted token or secret
 * (long, with digits) never is.
 */
const COMMAND_WORD = /^[a-z][a-z-]{0,19}$/;
const OPTION_WORD = /^--?[a-z][a-z-]{0,19}$/;

function unknownCommand(word: string): UsageError {
  const list = `Commands: ${COMMANDS.join(', ')}.`;
  if (!COMMAND_WORD.test(word)) return new UsageError(`Unknown command. ${list} See: pacebar --help`);
  const near = closestWord(word, COMMANDS);
  return new UsageError(`Unknown command '${word}'${near ? `: did you mean 'pacebar ${near}'?` : '.'} ${list} See: pacebar --help`);
}

function unknownOption(command: CommandName, rawName: string, spec: Record<string, OptionSpec>): UsageError {
  if (!OPTION_WORD.test(rawName)) return new UsageError(`Unknown option for 'pacebar ${command}'. See: pacebar ${command} --help`);
  const near = closestWord(rawName.replace(/^--?/, ''), Object.keys(spec));
  return new UsageError(`Unknown option ${rawName} for 'pacebar ${command}'${near ? `: did you mean --${near}?` : '.'} See: pacebar ${command} --help`);
}

export function parseCommandLine(argv: readonly string[]): Command {
  const first = argv[0];
  if (first === undefined) return { kind: 'help', topic: null };
  if (first === '--version' || first === '-V' || first === '-v') {
    if (argv.length > 1) throw new UsageError(`${first} takes no further arguments.`);
    return { kind: 'version' };
  }
  if (first === '--help' || first === '-h') return { kind: 'help', topic: null };
  // The option is not repeated either: `--` followed by a pasted secret would come back on screen.
  if (first.startsWith('-')) throw new UsageError(`Unknown option: give a command first (${COMMANDS.filter((command) => command !== 'help').join(', ')}). See: pacebar --help`);
  if (!isCommand(first)) throw unknownCommand(first);
  return parseCommand(first, argv.slice(1));
}

/** --format, --offline and --refresh: how `status` and `goals` print and whether they may ask Strava. */
function fetchOptions(values: Record<string, string | boolean | undefined>): { format: Format; mode: FetchMode } {
  const format = values.format ?? 'text';
  if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}.`);
  }
  if (values.offline === true && values.refresh === true) throw new UsageError('--offline and --refresh cannot be used together.');
  const mode: FetchMode = values.offline === true ? 'offline' : values.refresh === true ? 'refresh' : 'auto';
  return { format: format as Format, mode };
}

function parseCommand(name: CommandName, rest: readonly string[]): Command {
  const spec: Record<string, OptionSpec> = optionsOf[name];
  // Refuse a secret on the command line before anything else looks at it.
  if (name === 'setup' && rest.some((arg) => /^--client-secret(=|$)/.test(arg) || /^--secret(=|$)/.test(arg))) {
    throw new UsageError(SECRET_IN_ARGV);
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options: spec, strict: false, allowPositionals: true, tokens: true });
  } catch {
    throw new UsageError(`Could not read the arguments of 'pacebar ${name}'. See: pacebar ${name} --help`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    const known = spec[token.name];
    if (!known) throw unknownOption(name, token.rawName, spec);
    const shown = token.rawName;
    if (known.type === 'string' && typeof token.value !== 'string') throw new UsageError(`${shown} needs a value. See: pacebar ${name} --help`);
    if (known.type === 'string' && token.value === '') throw new UsageError(`${shown} needs a value. See: pacebar ${name} --help`);
    if (known.type === 'boolean' && token.value !== undefined) throw new UsageError(`${shown} takes no value. See: pacebar ${name} --help`);
  }
  if (values.help === true) return { kind: 'help', topic: name };

  if (name === 'help') {
    if (parsed.positionals.length > 1) throw new UsageError('Usage: pacebar help [COMMAND]');
    const topic = parsed.positionals[0];
    if (topic === undefined) return { kind: 'help', topic: null };
    if (!isCommand(topic)) throw unknownCommand(topic);
    return { kind: 'help', topic };
  }
  // Their words (get, set, add, remove) are positionals; they never echo one either.
  if (name === 'config') return { kind: 'config', action: parseConfigAction(parsed.positionals) };
  if (name === 'goals') return { kind: 'goals', action: parseGoalsAction(parsed.positionals, values, () => fetchOptions(values)) };
  // Never echo a stray argument: it may be a secret pasted in the wrong place.
  if (parsed.positionals.length > 0) throw new UsageError(`'pacebar ${name}' takes no arguments besides its options. See: pacebar ${name} --help`);

  switch (name) {
    case 'setup': {
      const clientId = values['client-id'];
      if (typeof clientId !== 'string') throw new UsageError('Missing --client-id ID (the number shown at https://www.strava.com/settings/api).');
      if (!clientIdRule.safeParse(clientId.trim()).success) throw new UsageError(`--client-id: ${CLIENT_ID_RULE}`);
      return { kind: 'setup', clientId: clientId.trim(), secretFromStdin: values['client-secret-stdin'] === true };
    }
    case 'login':
      return { kind: 'login', open: values['no-open'] !== true, force: values.force === true };
    case 'status':
      return { kind: 'status', ...fetchOptions(values) };
    case 'logout':
      return { kind: 'logout', forgetCredentials: values['forget-credentials'] === true };
  }
}
