// `pacebar goals`: each goal's progress (fetched as `pacebar status` fetches), and adding and
// removing goals (settings only: no keychain, no network).
import type { GoalInput } from '../../core/domain';
import { effectiveUnits } from '../../core/store/settings';
import { goalTitle } from '../../core/view/goalText';
import type { PacebarEngine } from '../../core/engine/engine';
import type { GoalsAction } from '../goalsArgs';
import type { Context } from '../context';
import { EXIT } from '../exitCodes';
import { renderGoals, renderNoGoals } from '../goalFormats';
import { afterOutput, fetchState, printWaybarFailure } from './status';

function unitsOf(engine: PacebarEngine) {
  return effectiveUnits(engine.settings.get(), engine.cache.read().athlete?.measurement_preference);
}

async function listGoals(ctx: Context, options: Extract<GoalsAction, { verb: 'list' }>): Promise<number> {
  const reader = await ctx.engine({ readOnly: true });
  // No goal: nothing to fetch, so neither Strava nor the keychain is asked.
  if (reader.settings.get().goals.length === 0) {
    ctx.io.out(renderNoGoals(options.format, unitsOf(reader)));
    return EXIT.ok;
  }
  try {
    const fetched = await fetchState(ctx, options);
    ctx.io.out(renderGoals(options.format, { state: fetched.state, now: fetched.engine.clock() }));
    return await afterOutput(ctx, fetched, options.format);
  } catch (error) {
    if (options.format !== 'waybar') throw error;
    return printWaybarFailure(ctx.io, error);
  }
}

async function addGoal(ctx: Context, goal: GoalInput): Promise<number> {
  // Refused (too many goals, a target out of range) before the settings are opened for writing.
  (await ctx.engine({ readOnly: true })).checkGoalToAdd(goal);
  const engine = await ctx.engine();
  const added = engine.addGoal(goal);
  ctx.io.out(`Added goal ${added.id}: ${goalTitle(added, unitsOf(engine))}`);
  return EXIT.ok;
}

async function removeGoal(ctx: Context, id: number): Promise<number> {
  const reader = await ctx.engine({ readOnly: true });
  const goal = reader.settings.get().goals.find((candidate) => candidate.id === id);
  // An unknown id is refused the same way, with the settings file untouched.
  reader.checkGoalToRemove(id);
  const engine = await ctx.engine();
  engine.removeGoal(id);
  ctx.io.out(`Removed goal ${id}${goal ? `: ${goalTitle(goal, unitsOf(engine))}` : ''}`);
  return EXIT.ok;
}

export async function runGoals(ctx: Context, action: GoalsAction): Promise<number> {
  switch (action.verb) {
    case 'list':
      return listGoals(ctx, action);
    case 'add':
      return addGoal(ctx, action.goal);
    case 'remove':
      return removeGoal(ctx, action.id);
  }
}
