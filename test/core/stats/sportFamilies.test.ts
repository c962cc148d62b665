import { describe, expect, it } from 'vitest';
import { SPORTS } from '../../../core/domain';
import { ALL_SPORT_TYPES } from '../../../sim/activities';
import { STRAVA_SPORT_TYPES, sportFamily, sportTypeLabel } from '../../../core/stats/sportFamilies';

describe('sport families', () => {
  it('groups every one of Strava\'s sport types, and the simulator uses the same list', () => {
    expect(STRAVA_SPORT_TYPES).toHaveLength(50);
    expect([...STRAVA_SPORT_TYPES].sort()).toEqual([...ALL_SPORT_TYPES].sort());
    const used = new Set(STRAVA_SPORT_TYPES.map((type) => sportFamily(type)));
    for (const sport of SPORTS) if (sport !== 'other') expect(used, sport).toContain(sport);
  });

  it('follows Strava\'s profile totals for runs and rides', () => {
    for (const type of ['Run', 'TrailRun', 'VirtualRun']) expect(sportFamily(type), type).toBe('run');
    for (const type of ['Ride', 'GravelRide', 'VirtualRide', 'MountainBikeRide']) expect(sportFamily(type), type).toBe('ride');
    expect(sportFamily('Swim')).toBe('swim');
    expect(sportFamily('Hike')).toBe('walk');
    expect(sportFamily('NordicSki')).toBe('winter');
    expect(sportFamily('Kayaking')).toBe('water');
    expect(sportFamily('Yoga')).toBe('fitness');
  });

  it('keeps e-bike rides apart, as Strava does, unless the setting counts them as rides', () => {
    for (const type of ['EBikeRide', 'EMountainBikeRide']) {
      expect(sportFamily(type)).toBe('ebike');
      expect(sportFamily(type, { eBikeRidesAsRides: true })).toBe('ride');
    }
    expect(sportFamily('Velomobile', { eBikeRidesAsRides: true })).toBe('other');
  });

  it('puts sport types Strava adds later in "other", so nothing goes uncounted', () => {
    expect(sportFamily('Padel')).toBe('other');
    expect(sportTypeLabel('Padel')).toBe('Padel');
    expect(sportTypeLabel('UnderwaterHockey')).toBe('Underwater hockey');
    expect(sportTypeLabel('TrailRun')).toBe('Trail run');
  });
});
