import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GOAL_MEASURES, GOAL_PERIODS, SPORTS } from '../../../core/domain';
import { InvalidInputError } from '../../../core/errors';
import {
  goalInputFromText,
  parseGoalCount,
  parseGoalDistance,
  parseGoalElevation,
  parseGoalPeriod,
  parseGoalSport,
  parseGoalTarget,
  parseGoalTime,
} from '../../../core/goals/goalInputText';
import { anyString, propertyTest, runs } from '../../support/properties';

function refused(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).not.toMatch(/\n/);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('goal amounts as text', () => {
  it('distances in km, mi, m and yd are metres', () => {
    expect(parseGoalDistance('150km')).toBe(150_000);
    expect(parseGoalDistance('150 km')).toBe(150_000);
    expect(parseGoalDistance('1.1KM')).toBe(1100);
    expect(parseGoalDistance('26.2mi')).toBeCloseTo(42_164.813, 3);
    expect(parseGoalDistance('2000m')).toBe(2000);
    expect(parseGoalDistance('1650yd')).toBeCloseTo(1508.76, 3);
    expect(parseGoalDistance('.5km')).toBe(500);
  });

  it('elevation in m and ft is metres', () => {
    expect(parseGoalElevation('2000m')).toBe(2000);
    expect(parseGoalElevation('6500ft')).toBeCloseTo(1981.2, 3);
    expect(parseGoalElevation('6500 FT')).toBeCloseTo(1981.2, 3);
  });

  it('times in hours and minutes are seconds', () => {
    expect(parseGoalTime('5h30m')).toBe(5.5 * 3600);
    expect(parseGoalTime('5h 30m')).toBe(5.5 * 3600);
    expect(parseGoalTime('90m')).toBe(5400);
    expect(parseGoalTime('90min')).toBe(5400);
    expect(parseGoalTime('1.5h')).toBe(5400);
    expect(parseGoalTime('20h')).toBe(72_000);
    expect(parseGoalTime('5:30')).toBe(5.5 * 3600);
    expect(parseGoalTime('0.5m')).toBe(30);
  });

  it('counts are whole numbers', () => {
    expect(parseGoalCount('4')).toBe(4);
    expect(parseGoalCount(' 12 ')).toBe(12);
  });

  it('refuses an amount without its unit, with a unit of another measure, or malformed, in one line', () => {
    expect(refused(() => parseGoalDistance('150'))).toBe("A goal's distance is a number and km, mi, m or yd, such as 150km.");
    expect(refused(() => parseGoalDistance('150ft'))).toMatch(/km, mi, m or yd/);
    expect(refused(() => parseGoalDistance('1,500km'))).toMatch(/such as 150km/);
    expect(refused(() => parseGoalDistance('-5km'))).toMatch(/such as 150km/);
    expect(refused(() => parseGoalElevation('2km'))).toBe("A goal's elevation is a number and m or ft, such as 2000m or 6500ft.");
    expect(refused(() => parseGoalTime('5'))).toMatch(/^A goal's time is hours and minutes, such as 5h30m, 90m, 1.5h or 5:30\.$/);
    for (const bad of ['', 'h', '1h90m', '1.5h30m', '5:75', 'five hours', '5s', '1h30m20s']) {
      expect(refused(() => parseGoalTime(bad)), bad).toMatch(/hours and minutes/);
    }
    for (const bad of ['4.5', '-1', 'four', '', '4 runs']) expect(refused(() => parseGoalCount(bad)), bad).toMatch(/whole number/);
  });

  it('sport and period name the allowed words', () => {
    expect(parseGoalSport('Ride')).toBe('ride');
    expect(parseGoalPeriod(' MONTH ')).toBe('month');
    expect(refused(() => parseGoalSport('rowing'))).toBe(`A goal's sport is a sport family: ${SPORTS.join(', ')}.`);
    expect(refused(() => parseGoalPeriod('fortnight'))).toBe(`A goal's period is ${GOAL_PERIODS.join(', ')}.`);
    expect(goalInputFromText({ sport: 'ride', period: 'week', measure: 'distance', amount: '150km' })).toEqual({ sport: 'ride', period: 'week', measure: 'distance', target: 150_000 });
  });

  it('property: a number with each unit is that many metres (to the millimetre)', propertyTest, () => {
    const units = [['km', 1000], ['mi', 1609.344], ['m', 1], ['yd', 0.9144]] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...units), fc.boolean(), (whole, decimals, [unit, metres], spaced) => {
        const value = whole / 10 ** decimals;
        const text = `${value.toFixed(decimals)}${spaced ? ' ' : ''}${unit}`;
        expect(Math.abs(parseGoalDistance(text) - value * metres)).toBeLessThanOrEqual(0.0005 + value * metres * 1e-12);
      }),
      runs(500),
    );
  });

  it('property: hours and minutes in every spelling are the same seconds', propertyTest, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 59 }), (hours, minutes) => {
        const seconds = hours * 3600 + minutes * 60;
        expect(parseGoalTime(`${hours}h${minutes}m`)).toBe(seconds);
        expect(parseGoalTime(`${hours}h ${minutes}min`)).toBe(seconds);
        expect(parseGoalTime(`${hours}:${String(minutes).padStart(2, '0')}`)).toBe(seconds);
        expect(parseGoalTime(`${hours * 60 + minutes}m`)).toBe(seconds);
        if (minutes % 6 === 0) expect(parseGoalTime(`${hours + minutes / 60}h`)).toBe(seconds);
      }),
      runs(500),
    );
  });

  it('property: any text is a finite, non-negative amount or a refusal as invalid input', propertyTest, () => {
    fc.assert(
      fc.property(fc.constantFrom(...GOAL_MEASURES), fc.oneof(anyString({ maxLength: 12 }), fc.stringMatching(/^[\d.:]{0,6}\s?[a-z]{0,3}$/)), (measure, text) => {
        let amount: number;
        try {
          amount = parseGoalTarget(measure, text);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidInputError);
          return;
        }
        expect(Number.isFinite(amount)).toBe(true);
        expect(amount).toBeGreaterThanOrEqual(0);
        if (measure === 'count' || measure === 'time') expect(Number.isInteger(amount)).toBe(true);
      }),
      runs(500),
    );
  });
});
