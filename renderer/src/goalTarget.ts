// A goal's target as the person types it (in their units) and as Pacebar stores it (Strava's:
// metres, seconds, activities). Pure, so the conversions are unit-tested in Node.
import type { FamilyDisplay, GoalMeasure, Units } from '../../preload/contract';

const METRES_PER: Record<AmountUnit, number> = { km: 1000, mi: 1609.344, m: 1, yd: 0.9144, ft: 0.3048 };

export type AmountUnit = 'km' | 'mi' | 'm' | 'yd' | 'ft';

/** What the target field asks for: an amount in a unit, hours and minutes, or a number of activities. */
export type TargetField =
  | { kind: 'amount'; unit: AmountUnit }
  | { kind: 'time' }
  | { kind: 'count'; noun: string };

/** The unit the person's units imply, as the totals show the family: km/mi, m/yd for swims, m/ft of climbing. */
export function targetField(measure: GoalMeasure, display: Pick<FamilyDisplay, 'distance' | 'noun'>, units: Units): TargetField {
  const imperial = units === 'imperial';
  switch (measure) {
    case 'distance':
      return { kind: 'amount', unit: display.distance === 'short' ? (imperial ? 'yd' : 'm') : imperial ? 'mi' : 'km' };
    case 'elevation':
      return { kind: 'amount', unit: imperial ? 'ft' : 'm' };
    case 'time':
      return { kind: 'time' };
    case 'count':
      return { kind: 'count', noun: display.noun[1] };
  }
}

/** The measures a family's goal can count: no distance for fitness, no climbing for swims (as its totals). */
export function measuresFor(display: Pick<FamilyDisplay, 'distance' | 'elevation'>): GoalMeasure[] {
  return (['distance', 'time', 'elevation', 'count'] as const).filter(
    (measure) => (measure !== 'distance' || display.distance !== null) && (measure !== 'elevation' || display.elevation),
  );
}

/** What was typed: the amount (or activities), or hours and minutes. Empty strings for empty fields. */
export interface TargetEntry {
  amount: string;
  hours: string;
  minutes: string;
}

export type TargetCheck = { ok: true; target: number } | { ok: false; field: 'amount' | 'hours' | 'minutes'; message: string };

function number(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

/**
 * The target in Strava's units, or why not. Only what the form can tell is checked here (a number,
 * above zero); the goal's own rule (at most so much, whole activities) is main's, and its message shows.
 */
export function targetInStravaUnits(field: TargetField, entry: TargetEntry): TargetCheck {
  if (field.kind === 'time') {
    const hours = number(entry.hours) ?? 0;
    const minutes = number(entry.minutes) ?? 0;
    if (Number.isNaN(hours) || hours < 0) return { ok: false, field: 'hours', message: 'Enter the hours as a number, like 5.' };
    if (Number.isNaN(minutes) || minutes < 0) return { ok: false, field: 'minutes', message: 'Enter the minutes as a number, like 30.' };
    const seconds = Math.round(hours * 3600 + minutes * 60);
    if (seconds <= 0) return { ok: false, field: 'hours', message: 'Enter a target time: hours, minutes or both.' };
    return { ok: true, target: seconds };
  }
  const what = field.kind === 'count' ? `a number of ${field.noun}` : `a number of ${field.unit}`;
  const value = number(entry.amount);
  if (value === null) return { ok: false, field: 'amount', message: `Enter a target: ${what}.` };
  if (Number.isNaN(value) || value <= 0) return { ok: false, field: 'amount', message: `The target is ${what} above 0.` };
  if (field.kind === 'count') return { ok: true, target: value };
  // Millimetres at most: "0.3 km" is 300 m, not 300.00000000000006.
  return { ok: true, target: Math.round(value * METRES_PER[field.unit] * 1000) / 1000 };
}
