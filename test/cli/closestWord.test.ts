import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestWord, editDistance } from '../../cli/closestWord';
import { propertyTest, runs } from '../support/properties';

describe('editDistance', () => {
  it('counts inserts, deletes, replacements and swapped neighbours', () => {
    expect(editDistance('status', 'status')).toBe(0);
    expect(editDistance('stauts', 'status')).toBe(1);
    expect(editDistance('stat', 'status')).toBe(2);
    expect(editDistance('login', 'logout')).toBe(3);
    expect(editDistance('', 'help')).toBe(4);
  });

  it('is symmetric and zero only for equal words', propertyTest, () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
        expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
      runs(300),
    );
  });
});

describe('closestWord', () => {
  const commands = ['setup', 'login', 'status', 'logout', 'help'];
  it('the nearest within two edits, else nothing', () => {
    expect(closestWord('stauts', commands)).toBe('status');
    expect(closestWord('log', commands)).toBe('login');
    expect(closestWord('hlep', commands)).toBe('help');
    expect(closestWord('sync', commands)).toBeNull();
    // Two edits of a two-letter word could be anything.
    expect(closestWord('he', commands)).toBeNull();
    expect(closestWord('hel', commands)).toBe('help');
  });
});
