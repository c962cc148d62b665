// A goal's figures in words, the same in the tray, the dashboard, the menu bar and the command:
// "Ride this week: 92.0 / 150 km · ahead by 12.0 km · 5.4 km a day to go".
import type { Goal, GoalMeasure, GoalPeriod, GoalText, Sport, Units } from '../domain';
import type { GoalFigures } from '../goals/goalProgress';
import { formatCount, formatElevation, formatFamilyDistance, formatHours, groupThousands } from './format';
import { FAMILY_DISPLAY } from './labels';

const METRES_PER_MILE = 1609.344;
const METRES_PER_YARD = 0.9144;
const FEET_PER_METRE = 3.280839895;

const THIS_PERIOD: Record<GoalPeriod, string> = { week: 'this week', month: 'this month', year: 'this year' };
const A_PERIOD: Record<GoalPeriod, string> = { week: 'a week', month: 'a month', year: 'a year' };

/** A count that may be fractional (a pace per day): "1 run", "0.4 runs", "12 runs". */
function countOf(value: number, sport: Sport): string {
  const [one, many] = FAMILY_DISPLAY[sport].noun;
  const shown = Number.isInteger(value) ? formatCount(value) : groupThousands(value, 1);
  return `${shown} ${shown === '1' ? one : many}`;
}

/** An amount of the goal's measure, as the totals show it: "150 km", "2,350 m", "5h 30m", "2,000 m", "4 rides". */
export function formatAmount(measure: GoalMeasure, amount: number, sport: Sport, units: Units): string {
  switch (measure) {
    case 'distance':
      return formatFamilyDistance(amount, FAMILY_DISPLAY[sport].distance ?? 'long', units);
    case 'time':
      return formatHours(amount);
    case 'elevation':
      return formatElevation(amount, units);
    case 'count':
      return countOf(amount, sport);
  }
}

/** "92.0 / 150 km": the number done, then the target with its unit (time and counts in full). */
function progressText(figures: GoalFigures, units: Units): string {
  const { goal, done } = figures;
  const target = formatAmount(goal.measure, goal.target, goal.sport, units);
  if (goal.measure === 'time') return `${formatHours(done)} / ${target}`;
  if (goal.measure === 'count') return `${formatCount(done)} / ${target}`;
  const doneText = formatAmount(goal.measure, done, goal.sport, units);
  return `${doneText.slice(0, doneText.lastIndexOf(' '))} / ${target}`;
}

/** The menu bar's few characters: "92/150 km", "3/4 runs", "3.2/5 h", "1,200/2,000 m". */
function shortText(figures: GoalFigures, units: Units): string {
  const { goal, done } = figures;
  const whole = (value: number) => formatCount(value);
  switch (goal.measure) {
    case 'distance': {
      const scale = FAMILY_DISPLAY[goal.sport].distance ?? 'long';
      if (scale === 'short') {
        const per = units === 'imperial' ? METRES_PER_YARD : 1;
        return `${whole(done / per)}/${whole(goal.target / per)} ${units === 'imperial' ? 'yd' : 'm'}`;
      }
      const per = units === 'imperial' ? METRES_PER_MILE : 1000;
      return `${whole(done / per)}/${whole(goal.target / per)} ${units === 'imperial' ? 'mi' : 'km'}`;
    }
    case 'time': {
      const hours = (seconds: number) => groupThousands(seconds / 3600, Number.isInteger(seconds / 3600) ? 0 : 1);
      return `${hours(done)}/${hours(goal.target)} h`;
    }
    case 'elevation': {
      const per = units === 'imperial' ? 1 / FEET_PER_METRE : 1;
      return `${whole(done / per)}/${whole(goal.target / per)} ${units === 'imperial' ? 'ft' : 'm'}`;
    }
    case 'count':
      return `${whole(done)}/${countOf(goal.target, goal.sport)}`;
  }
}

function neededText(figures: GoalFigures, units: Units): string | null {
  const { goal } = figures;
  if (figures.perDay === null || figures.perWeek === null) return null;
  if (goal.measure === 'count') {
    const remaining = Math.max(0, goal.target - figures.done);
    return `${countOf(remaining, goal.sport)} to go ${figures.daysLeft === 1 ? 'today' : `in ${figures.daysLeft} days`}`;
  }
  // A year is read in weeks ("21 km a week to go"); weeks and months in days.
  return goal.period === 'year'
    ? `${formatAmount(goal.measure, figures.perWeek, goal.sport, units)} a week to go`
    : `${formatAmount(goal.measure, figures.perDay, goal.sport, units)} a day to go`;
}

function paceText(figures: GoalFigures, units: Units): string {
  const { goal } = figures;
  switch (figures.status) {
    case 'counting':
      return 'counting your history…';
    case 'reached':
      return 'reached';
    case 'on_pace':
      return 'on pace';
    case 'ahead':
    case 'behind':
      return `${figures.status} by ${formatAmount(goal.measure, Math.abs(figures.delta), goal.sport, units)}`;
  }
}

/** "Ride · 150 km a week": the goal alone, without figures (`pacebar goals add` names what it added). */
export function goalTitle(goal: Goal, units: Units): string {
  const climbing = goal.measure === 'elevation' ? ' of climbing' : '';
  return `${FAMILY_DISPLAY[goal.sport].label} · ${formatAmount(goal.measure, goal.target, goal.sport, units)}${climbing} ${A_PERIOD[goal.period]}`;
}

export function goalText(figures: GoalFigures, units: Units): GoalText {
  const { goal } = figures;
  const label = FAMILY_DISPLAY[goal.sport].label;
  const target = formatAmount(goal.measure, goal.target, goal.sport, units);
  const climbing = goal.measure === 'elevation' ? ' of climbing' : '';
  const pace = paceText(figures, units);
  const needed = neededText(figures, units);
  const counting = figures.status === 'counting';
  const progress = counting ? `— / ${target}` : progressText(figures, units);
  return {
    title: goalTitle(goal, units),
    progress: `${progress}${climbing}`,
    pace,
    needed,
    line: counting
      ? `${label} ${THIS_PERIOD[goal.period]}: ${target}${climbing} goal · ${pace}`
      : `${label} ${THIS_PERIOD[goal.period]}: ${progress}${climbing} · ${pace}${needed ? ` · ${needed}` : ''}`,
    short: counting ? '…' : shortText(figures, units),
  };
}
