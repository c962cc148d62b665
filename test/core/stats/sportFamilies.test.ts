import { describe, expect, it } from 'vitest';
import { SPORTS } from '../../../core/domain';
import { sportFamily } from '../../../core/stats/sportFamilies';

describe('sportFamily', () => {
  it('groups runs', () => {
    for (const type of ['Run', 'TrailRun', 'VirtualRun']) expect(sportFamily(type), type).toBe('run');
  });

  it('groups rides, including gravel, virtual and mountain bike', () => {
    for (const type of ['Ride', 'GravelRide', 'VirtualRide', 'MountainBikeRide']) expect(sportFamily(type), type).toBe('ride');
  });

  it('groups swims', () => {
    expect(sportFamily('Swim')).toBe('swim');
  });

  it('ignores everything else, and is case-sensitive like Strava', () => {
    for (const type of ['Walk', 'Yoga', 'Hike', 'WeightTraining', 'Workout', 'EBikeRide', 'run', 'RIDE', '', 'toString', 'constructor', '__proto__']) {
      expect(sportFamily(type), type).toBeNull();
    }
  });

  it('lists the three families, each with its Strava sport types', () => {
    expect(SPORTS).toEqual(['run', 'ride', 'swim']);
    const members: Record<string, string[]> = { run: ['Run', 'TrailRun', 'VirtualRun'], ride: ['Ride', 'GravelRide', 'MountainBikeRide', 'VirtualRide'], swim: ['Swim'] };
    for (const sport of SPORTS) for (const type of members[sport]!) expect(sportFamily(type)).toBe(sport);
  });
});
