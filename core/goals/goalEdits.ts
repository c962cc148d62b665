// Adding and removing goals: the list is a setting (core/domain.ts), ids small and never reused
// while a goal holds them, so `pacebar goals remove 3` means the goal the listing showed as 3.
import { GOALS_MAX, goalRule, type Goal, type GoalInput } from '../domain';
import { InvalidInputError } from '../errors';

export function withGoalAdded(goals: readonly Goal[], input: GoalInput): { goals: Goal[]; added: Goal } {
  if (goals.length >= GOALS_MAX) throw new InvalidInputError(`Pacebar keeps up to ${GOALS_MAX} goals; remove one first.`);
  const id = goals.reduce((max, goal) => Math.max(max, goal.id), 0) + 1;
  const parsed = goalRule.safeParse({ ...input, id });
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues[0]?.message ?? 'That goal is not valid; nothing was changed.');
  return { goals: [...goals, parsed.data], added: parsed.data };
}

export function withGoalRemoved(goals: readonly Goal[], id: number): Goal[] {
  if (!goals.some((goal) => goal.id === id)) throw new InvalidInputError(`There is no goal ${id}; nothing was changed.`);
  return goals.filter((goal) => goal.id !== id);
}
