// The add-goal form's arithmetic in Node: the unit asked for, and the target sent in Strava's units.
import { describe, expect, it } from 'vitest';
import { goalRule, type GoalMeasure, type Sport, type Units } from '../../core/domain';
import { formatAmount } from '../../core/view/goalText';
import { FAMILY_DISPLAY } from '../../core/view/labels';
import { measuresFor, targetField, targetInStravaUnits, type TargetField } from '../../renderer/src/goalTarget';
import { clockText, minuteOfDay } from '../../renderer/src/weeklySummaryControl';

const entry = (amount: string, hours = '', minutes = '') => ({ amount, hours, minutes });

describe('targetField', () => {
  it('asks in the unit the person\'s units imply, as the family\'s totals read', () => {
    expect(targetField('distance', FAMILY_DISPLAY.run, 'metric')).toEqual({ kind: 'amount', unit: 'km' });
    expect(targetField('distance', FAMILY_DISPLAY.ride, 'imperial')).toEqual({ kind: 'amount', unit: 'mi' });
    expect(targetField('distance', FAMILY_DISPLAY.swim, 'metric')).toEqual({ kind: 'amount', unit: 'm' });
    expect(targetField('distance', FAMILY_DISPLAY.swim, 'imperial')).toEqual({ kind: 'amount', unit: 'yd' });
    expect(targetField('elevation', FAMILY_DISPLAY.ride, 'metric')).toEqual({ kind: 'amount', unit: 'm' });
    expect(targetField('elevation', FAMILY_DISPLAY.walk, 'imperial')).toEqual({ kind: 'amount', unit: 'ft' });
    expect(targetField('time', FAMILY_DISPLAY.fitness, 'imperial')).toEqual({ kind: 'time' });
    expect(targetField('count', FAMILY_DISPLAY.ride, 'metric')).toEqual({ kind: 'count', noun: 'rides' });
  });

  it('offers distance and climbing only to families whose totals show them', () => {
    expect(measuresFor(FAMILY_DISPLAY.run)).toEqual(['distance', 'time', 'elevation', 'count']);
    expect(measuresFor(FAMILY_DISPLAY.swim)).toEqual(['distance', 'time', 'count']);
    expect(measuresFor(FAMILY_DISPLAY.fitness)).toEqual(['time', 'count']);
  });
});

describe('targetInStravaUnits', () => {
  const km: TargetField = { kind: 'amount', unit: 'km' };
  it.each([
    [km, '150', 150_000],
    [km, '0.3', 300], // not 300.00000000000006
    [km, '42.195', 42_195],
    [{ kind: 'amount', unit: 'mi' } as const, '100', 160_934.4],
    [{ kind: 'amount', unit: 'mi' } as const, '26.2', 42_164.813],
    [{ kind: 'amount', unit: 'ft' } as const, '6562', 2_000.098],
    [{ kind: 'amount', unit: 'yd' } as const, '5000', 4_572],
    [{ kind: 'amount', unit: 'm' } as const, '2350', 2_350],
    [{ kind: 'count', noun: 'runs' } as const, '4', 4],
  ])('%o %s → %d', (field, amount, target) => {
    expect(targetInStravaUnits(field, entry(amount))).toEqual({ ok: true, target });
  });

  it('reads hours and minutes, either alone, as seconds', () => {
    expect(targetInStravaUnits({ kind: 'time' }, entry('', '5', '30'))).toEqual({ ok: true, target: 19_800 });
    expect(targetInStravaUnits({ kind: 'time' }, entry('', '', '45'))).toEqual({ ok: true, target: 2_700 });
    expect(targetInStravaUnits({ kind: 'time' }, entry('', '1.5', ''))).toEqual({ ok: true, target: 5_400 });
  });

  it('names what is missing or wrong, one line each', () => {
    expect(targetInStravaUnits(km, entry(''))).toEqual({ ok: false, field: 'amount', message: 'Enter a target: a number of km.' });
    expect(targetInStravaUnits(km, entry('  '))).toEqual({ ok: false, field: 'amount', message: 'Enter a target: a number of km.' });
    expect(targetInStravaUnits(km, entry('-3'))).toEqual({ ok: false, field: 'amount', message: 'The target is a number of km above 0.' });
    expect(targetInStravaUnits({ kind: 'count', noun: 'rides' }, entry('abc'))).toEqual({ ok: false, field: 'amount', message: 'The target is a number of rides above 0.' });
    expect(targetInStravaUnits({ kind: 'time' }, entry('', '', ''))).toMatchObject({ ok: false, field: 'hours' });
    expect(targetInStravaUnits({ kind: 'time' }, entry('', '0', '0'))).toMatchObject({ ok: false, field: 'hours' });
    expect(targetInStravaUnits({ kind: 'time' }, entry('', '2', '-5'))).toMatchObject({ ok: false, field: 'minutes' });
  });

  it('round-trips: what the form sends passes the goal rule and reads back in core\'s words as typed', () => {
    const cases: [GoalMeasure, Sport, Units, string, string][] = [
      ['distance', 'ride', 'imperial', '100', '100 mi'],
      ['distance', 'run', 'metric', '150', '150 km'],
      ['elevation', 'ride', 'imperial', '6562', '6,562 ft'],
      ['distance', 'swim', 'imperial', '5000', '5,000 yd'],
    ];
    for (const [measure, sport, units, typed, words] of cases) {
      const check = targetInStravaUnits(targetField(measure, FAMILY_DISPLAY[sport], units), entry(typed));
      if (!check.ok) throw new Error(check.message);
      expect(goalRule.safeParse({ id: 1, sport, period: 'week', measure, target: check.target }).success).toBe(true);
      expect(formatAmount(measure, check.target, sport, units)).toBe(words);
    }
  });
});

describe('weekly summary time', () => {
  it('reads a time input\'s value as minutes after midnight, and writes it back', () => {
    expect(minuteOfDay('18:00')).toBe(1_080);
    expect(minuteOfDay('06:15')).toBe(375);
    expect(minuteOfDay('23:59:30')).toBe(1_439);
    for (const bad of ['', '24:00', '7:30', '12:60', 'noon']) expect(minuteOfDay(bad)).toBeNull();
    for (const minute of [0, 375, 1_080, 1_439]) expect(minuteOfDay(clockText(minute))).toBe(minute);
  });
});
