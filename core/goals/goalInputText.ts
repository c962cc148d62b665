// A goal typed as text ("ride", "week", "150km", "5h30m", "6500ft", "4") → a GoalInput in Strava's
// units (metres, seconds, activities). Only the conversion is here: whether the goal is allowed
// (positive, not absurdly large, a whole count) is goalRule's call when it is added.
import { GOAL_PERIODS, SPORTS, type GoalInput, type GoalMeasure, type GoalPeriod, type Sport } from '../domain';
import { InvalidInputError } from '../errors';

const METRES_PER: Record<string, number> = { km: 1000, mi: 1609.344, m: 1, yd: 0.9144, ft: 0.3048 };
const DISTANCE_UNITS = ['km', 'mi', 'm', 'yd'] as const;
const ELEVATION_UNITS = ['m', 'ft'] as const;

/** What each measure takes, in words: errors and help say the same. */
export const GOAL_AMOUNT_FORMS: Record<GoalMeasure, string> = {
  distance: 'a number and km, mi, m or yd, such as 150km',
  time: 'hours and minutes, such as 5h30m, 90m, 1.5h or 5:30',
  elevation: 'a number and m or ft, such as 2000m or 6500ft',
  count: 'a whole number of activities, such as 4',
};

const NUMBER = String.raw`(\d{1,12}(?:\.\d{1,9})?|\.\d{1,9})`;

function normalised(text: string): string {
  return text.trim().toLowerCase();
}

function refuse(measure: GoalMeasure): never {
  throw new InvalidInputError(`A goal's ${measure === 'count' ? 'count' : measure} is ${GOAL_AMOUNT_FORMS[measure]}.`);
}

/** Millimetres are plenty: "1.1km" is 1100 m, not 1100.0000000000002. */
function roundMetres(metres: number): number {
  return Math.round(metres * 1000) / 1000;
}

function lengthIn(text: string, units: readonly string[], measure: GoalMeasure): number {
  const match = new RegExp(`^${NUMBER}\\s*([a-z]+)$`).exec(normalised(text));
  const unit = match?.[2];
  if (!match || !unit || !units.includes(unit)) refuse(measure);
  return roundMetres(Number(match[1]) * METRES_PER[unit]!);
}

/** "150km", "95 mi", "2000m", "1650yd" → metres. */
export function parseGoalDistance(text: string): number {
  return lengthIn(text, DISTANCE_UNITS, 'distance');
}

/** "2000m", "6500ft" → metres. */
export function parseGoalElevation(text: string): number {
  return lengthIn(text, ELEVATION_UNITS, 'elevation');
}

/** "5h30m", "5h 30m", "90m", "90min", "1.5h", "5:30" → whole seconds. */
export function parseGoalTime(text: string): number {
  const value = normalised(text);
  const clock = /^(\d{1,6}):([0-5]\d)$/.exec(value);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60;
  const match = new RegExp(`^(?:${NUMBER}\\s*h)?\\s*(?:${NUMBER}\\s*m(?:in)?)?$`).exec(value);
  if (!match || (match[1] === undefined && match[2] === undefined)) refuse('time');
  const [, hours, minutes] = match;
  // "5h30m" is 5 hours and 30 minutes; "1h90m" or "1.5h30m" is a typo, not a time.
  if (hours !== undefined && minutes !== undefined && (!/^\d+$/.test(hours) || !/^\d+$/.test(minutes) || Number(minutes) > 59)) refuse('time');
  return Math.round(Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60);
}

/** "4" → 4 activities. */
export function parseGoalCount(text: string): number {
  const value = normalised(text);
  if (!/^\d{1,12}$/.test(value)) refuse('count');
  return Number(value);
}

export function parseGoalTarget(measure: GoalMeasure, text: string): number {
  switch (measure) {
    case 'distance':
      return parseGoalDistance(text);
    case 'time':
      return parseGoalTime(text);
    case 'elevation':
      return parseGoalElevation(text);
    case 'count':
      return parseGoalCount(text);
  }
}

export function parseGoalSport(text: string): Sport {
  const value = normalised(text);
  const sport = SPORTS.find((family) => family === value);
  if (!sport) throw new InvalidInputError(`A goal's sport is a sport family: ${SPORTS.join(', ')}.`);
  return sport;
}

export function parseGoalPeriod(text: string): GoalPeriod {
  const value = normalised(text);
  const period = GOAL_PERIODS.find((candidate) => candidate === value);
  if (!period) throw new InvalidInputError(`A goal's period is ${GOAL_PERIODS.join(', ')}.`);
  return period;
}

/** The goal the words describe: "ride", "week", "distance", "150km". */
export function goalInputFromText(text: { sport: string; period: string; measure: GoalMeasure; amount: string }): GoalInput {
  return { sport: parseGoalSport(text.sport), period: parseGoalPeriod(text.period), measure: text.measure, target: parseGoalTarget(text.measure, text.amount) };
}
