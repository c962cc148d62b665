// Strava has dozens of sport types; Pacebar totals them in three families.
import { SPORTS, type Sport } from '../domain';

const families: Record<Sport, readonly string[]> = {
  run: ['Run', 'TrailRun', 'VirtualRun'],
  ride: ['Ride', 'GravelRide', 'MountainBikeRide', 'VirtualRide'],
  swim: ['Swim'],
};

const familyOf = new Map<string, Sport>(
  SPORTS.flatMap((sport) => families[sport].map((type) => [type, sport] as [string, Sport])),
);

/** The family of a sport_type (or legacy type), or null for walks, yoga and the rest. */
export function sportFamily(sportType: string): Sport | null {
  return familyOf.get(sportType) ?? null;
}
