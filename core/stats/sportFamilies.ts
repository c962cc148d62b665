// Strava's sport types, each in one family. The list is Strava's SportType enum as its API reference
// gives it (developers.strava.com/docs/reference/#api-models-SportType); the grouping follows the
// sport picker of Strava's app (foot, cycle, water, winter and other sports), and Strava's own lines:
// - Trail runs and virtual runs are runs; gravel, mountain-bike and virtual rides are rides, as in
//   Strava's profile totals.
// - E-bike rides are not rides: Strava gives them sport types and segment leaderboards of their own
//   (support article 216919507, "Uploading E-bike, motor-assisted or non-conventional bike data").
//   People disagree, so the setting eBikeRidesAsRides counts them as rides.
// - Velomobiles and handcycles are kept off ride leaderboards by the same guidelines: "other".
// A sport type Strava adds later falls in "other", so every activity is counted somewhere.
import type { Sport } from '../domain';

export interface SportTypeInfo {
  family: Sport;
  label: string;
}

const table: Record<string, SportTypeInfo> = {
  Run: { family: 'run', label: 'Run' },
  TrailRun: { family: 'run', label: 'Trail run' },
  VirtualRun: { family: 'run', label: 'Virtual run' },
  Ride: { family: 'ride', label: 'Ride' },
  GravelRide: { family: 'ride', label: 'Gravel ride' },
  MountainBikeRide: { family: 'ride', label: 'Mountain bike ride' },
  VirtualRide: { family: 'ride', label: 'Virtual ride' },
  EBikeRide: { family: 'ebike', label: 'E-bike ride' },
  EMountainBikeRide: { family: 'ebike', label: 'E-mountain bike ride' },
  Swim: { family: 'swim', label: 'Swim' },
  Walk: { family: 'walk', label: 'Walk' },
  Hike: { family: 'walk', label: 'Hike' },
  AlpineSki: { family: 'winter', label: 'Alpine ski' },
  BackcountrySki: { family: 'winter', label: 'Backcountry ski' },
  NordicSki: { family: 'winter', label: 'Nordic ski' },
  Snowboard: { family: 'winter', label: 'Snowboard' },
  Snowshoe: { family: 'winter', label: 'Snowshoe' },
  IceSkate: { family: 'winter', label: 'Ice skate' },
  Canoeing: { family: 'water', label: 'Canoe' },
  Kayaking: { family: 'water', label: 'Kayak' },
  Kitesurf: { family: 'water', label: 'Kitesurf' },
  Rowing: { family: 'water', label: 'Rowing' },
  Sail: { family: 'water', label: 'Sail' },
  StandUpPaddling: { family: 'water', label: 'Stand up paddling' },
  Surfing: { family: 'water', label: 'Surf' },
  Windsurf: { family: 'water', label: 'Windsurf' },
  Crossfit: { family: 'fitness', label: 'Crossfit' },
  Elliptical: { family: 'fitness', label: 'Elliptical' },
  HighIntensityIntervalTraining: { family: 'fitness', label: 'HIIT' },
  Pilates: { family: 'fitness', label: 'Pilates' },
  StairStepper: { family: 'fitness', label: 'Stair stepper' },
  VirtualRow: { family: 'fitness', label: 'Virtual row' },
  WeightTraining: { family: 'fitness', label: 'Weight training' },
  Workout: { family: 'fitness', label: 'Workout' },
  Yoga: { family: 'fitness', label: 'Yoga' },
  Badminton: { family: 'other', label: 'Badminton' },
  Golf: { family: 'other', label: 'Golf' },
  Handcycle: { family: 'other', label: 'Handcycle' },
  InlineSkate: { family: 'other', label: 'Inline skate' },
  Pickleball: { family: 'other', label: 'Pickleball' },
  Racquetball: { family: 'other', label: 'Racquetball' },
  RockClimbing: { family: 'other', label: 'Rock climb' },
  RollerSki: { family: 'other', label: 'Roller ski' },
  Skateboard: { family: 'other', label: 'Skateboard' },
  Soccer: { family: 'other', label: 'Football (soccer)' },
  Squash: { family: 'other', label: 'Squash' },
  TableTennis: { family: 'other', label: 'Table tennis' },
  Tennis: { family: 'other', label: 'Tennis' },
  Velomobile: { family: 'other', label: 'Velomobile' },
  Wheelchair: { family: 'other', label: 'Wheelchair' },
};

/** Strava's SportType enum, in the reference's order (alphabetical). */
export const STRAVA_SPORT_TYPES: readonly string[] = Object.keys(table).sort();

/** Activities without sport_type carry the legacy `type`, whose values are sport types too. */
export interface FamilyOptions {
  eBikeRidesAsRides: boolean;
}

export const DEFAULT_FAMILY_OPTIONS: FamilyOptions = { eBikeRidesAsRides: false };

/** The family of a sport type: unknown (newer) types are "other". */
export function sportFamily(sportType: string, options: FamilyOptions = DEFAULT_FAMILY_OPTIONS): Sport {
  const family = table[sportType]?.family ?? 'other';
  return family === 'ebike' && options.eBikeRidesAsRides ? 'ride' : family;
}

/** "TrailRun" → "Trail run"; an unknown type is split at its capitals ("FooBall" → "Foo ball"). */
export function sportTypeLabel(sportType: string): string {
  const known = table[sportType]?.label;
  if (known) return known;
  const words = sportType.replace(/([a-z])([A-Z])/g, '$1 $2').split(' ');
  return words.map((word, index) => (index === 0 ? word : word.toLowerCase())).join(' ');
}

/** A function of the settings, so every figure is grouped the same way. */
export function familyOf(options: FamilyOptions): (sportType: string) => Sport {
  return (sportType) => sportFamily(sportType, options);
}
