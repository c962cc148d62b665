// `pacebar goals [add … | remove ID]` → what to do. Amounts with units are decoded by core
// (core/goals/goalInputText.ts); whether the goal is allowed is decided when it is added.
import { GOAL_MEASURES, type GoalInput, type GoalMeasure } from '../core/domain';
import { InvalidInputError } from '../core/errors';
import { goalInputFromText } from '../core/goals/goalInputText';
import type { FetchMode, Format } from './args';
import { UsageError } from './exitCodes';

export type GoalsAction = { verb: 'list'; format: Format; mode: FetchMode } | { verb: 'add'; goal: GoalInput } | { verb: 'remove'; id: number };

type Values = Record<string, string | boolean | undefined>;

const LIST_OPTIONS = ['format', 'offline', 'refresh'];
const ADD_OPTIONS = ['sport', 'period', ...GOAL_MEASURES];
const ADD_USAGE = 'Usage: pacebar goals add --sport SPORT --period week|month|year and one of --distance, --time, --elevation, --count. See: pacebar goals --help';

function given(values: Values): string[] {
  return Object.keys(values).filter((name) => name !== 'help' && values[name] !== undefined);
}

function refuseOptions(values: Values, allowed: readonly string[], verb: string): void {
  const stray = given(values).find((name) => !allowed.includes(name));
  if (stray) throw new UsageError(`--${stray} is not an option of 'pacebar goals${verb}'. See: pacebar goals --help`);
}

function parseAdd(values: Values): GoalInput {
  const measures = GOAL_MEASURES.filter((measure) => values[measure] !== undefined);
  if (typeof values.sport !== 'string' || typeof values.period !== 'string' || measures.length !== 1) throw new UsageError(ADD_USAGE);
  const measure: GoalMeasure = measures[0]!;
  const text = { sport: values.sport, period: values.period, measure, amount: String(values[measure]) };
  try {
    return goalInputFromText(text);
  } catch (error) {
    if (error instanceof InvalidInputError) throw new UsageError(`${error.message} Nothing was changed.`);
    throw error;
  }
}

/**
 * Positionals and options after `goals`. `fetchOptions` reads --format, --offline and --refresh as
 * `pacebar status` does. No positional is ever repeated in an error.
 */
export function parseGoalsAction(positionals: readonly string[], values: Values, fetchOptions: () => { format: Format; mode: FetchMode }): GoalsAction {
  const [verb, ...rest] = positionals;
  if (verb === undefined || verb === 'list') {
    if (rest.length > 0) throw new UsageError("'pacebar goals' takes add or remove, or no word at all. See: pacebar goals --help");
    refuseOptions(values, LIST_OPTIONS, '');
    return { verb: 'list', ...fetchOptions() };
  }
  if (verb === 'add') {
    if (rest.length > 0) throw new UsageError(ADD_USAGE);
    refuseOptions(values, ADD_OPTIONS, ' add');
    return { verb: 'add', goal: parseAdd(values) };
  }
  if (verb === 'remove') {
    refuseOptions(values, [], ' remove');
    const [id, ...more] = rest;
    if (id === undefined || more.length > 0 || !/^\d{1,7}$/.test(id) || Number(id) < 1) {
      throw new UsageError('Usage: pacebar goals remove ID, with the number `pacebar goals` shows before the goal.');
    }
    return { verb: 'remove', id: Number(id) };
  }
  throw new UsageError("'pacebar goals' takes add or remove, or no word at all. See: pacebar goals --help");
}
