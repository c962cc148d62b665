import { between, pick, seededRandom } from './random';
import { DAY, HOUR, TIMEZONE, isoSeconds, osloOffsetSeconds, zoneLabel, zoneOffsetSeconds } from './time';

export type SimVisibility = 'everyone' | 'followers_only' | 'only_me';

export interface SimActivity {
  id: number;
  name: string;
  sport_type: string;
  distance: number;
  moving_time: number;
  elapsed_time: number;
  total_elevation_gain: number;
  start: number;
  /** The IANA zone the activity was recorded in (its start_date_local and utc_offset follow it). */
  timeZone: string;
  visibility: SimVisibility;
  /** visibility === 'only_me', as Strava's `private` flag. */
  private: boolean;
  achievement_count: number;
  kudos_count: number;
  heartrate?: { average: number; max: number };
  max_speed: number;
  elev?: { low: number; high: number };
  indoor: boolean;
  /** The upload's own id; Garmin Connect's automatic uploads carry "garmin_push_…". */
  external_id?: string;
}

interface SportProfile {
  sport: string;
  weight: number;
  distance: [number, number];
  speed: [number, number]; // m/s
  climbPerKm: [number, number];
  indoor: boolean;
}

// Realistic ranges so paces and totals in the UI look plausible.
const PROFILES: SportProfile[] = [
  { sport: 'Run', weight: 30, distance: [5000, 21100], speed: [2.56, 3.7], climbPerKm: [3, 15], indoor: false },
  { sport: 'TrailRun', weight: 10, distance: [8000, 30000], speed: [1.85, 2.78], climbPerKm: [25, 60], indoor: false },
  { sport: 'VirtualRun', weight: 5, distance: [3000, 12000], speed: [2.8, 3.9], climbPerKm: [0, 0], indoor: true },
  { sport: 'Ride', weight: 18, distance: [20000, 120000], speed: [6.1, 8.9], climbPerKm: [5, 15], indoor: false },
  { sport: 'GravelRide', weight: 8, distance: [30000, 100000], speed: [5.0, 7.2], climbPerKm: [6, 14], indoor: false },
  { sport: 'VirtualRide', weight: 10, distance: [15000, 60000], speed: [7.8, 10], climbPerKm: [5, 15], indoor: true },
  { sport: 'MountainBikeRide', weight: 6, distance: [15000, 50000], speed: [3.3, 5.0], climbPerKm: [20, 40], indoor: false },
  { sport: 'Swim', weight: 8, distance: [1000, 4000], speed: [0.67, 1.0], climbPerKm: [0, 0], indoor: true },
  { sport: 'Walk', weight: 3, distance: [2000, 8000], speed: [1.28, 1.67], climbPerKm: [2, 10], indoor: false },
  { sport: 'Yoga', weight: 2, distance: [0, 0], speed: [1, 1], climbPerKm: [0, 0], indoor: true },
];

const TYPE_OF: Record<string, string> = { TrailRun: 'Run', GravelRide: 'Ride', MountainBikeRide: 'Ride' };
const NOUN: Record<string, string> = { TrailRun: 'Trail Run', MountainBikeRide: 'Mountain Bike Ride', GravelRide: 'Gravel Ride' };
const CUSTOM_NAMES = ['Tur rundt Sognsvann 🌲', 'Intervaller 6×1 km', 'Långpass — søndag', 'Frokostløp ☕', 'Kveldstur i regnet 🌧️'];

export function legacyType(sportType: string): string {
  return TYPE_OF[sportType] ?? sportType;
}

function autoName(sportType: string, start: number, rand: () => number): string {
  if (sportType === 'VirtualRide') return pick(rand, ['Zwift - Watopia', 'Zwift - Tempo in Makuri Islands', 'Zwift - Group Ride']);
  if (sportType === 'VirtualRun') return 'Zwift Run - London';
  if (sportType !== 'Swim' && sportType !== 'Yoga' && rand() < 0.15) return pick(rand, CUSTOM_NAMES);
  const hour = new Date(start + osloOffsetSeconds(start) * 1000).getUTCHours(); // names only
  const part = hour < 11 ? 'Morning' : hour < 14 ? 'Lunch' : hour < 18 ? 'Afternoon' : hour < 22 ? 'Evening' : 'Night';
  return `${part} ${NOUN[sportType] ?? sportType}`;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function pickProfile(rand: () => number): SportProfile {
  const total = PROFILES.reduce((sum, p) => sum + p.weight, 0);
  let roll = rand() * total;
  for (const profile of PROFILES) {
    roll -= profile.weight;
    if (roll < 0) return profile;
  }
  return PROFILES[0] as SportProfile;
}

function build(profile: SportProfile, start: number, rand: () => number, timeZone = 'Europe/Oslo', visibility?: SimVisibility): Omit<SimActivity, 'id'> {
  const isYoga = profile.sport === 'Yoga';
  const distance = isYoga ? 0 : round1(between(rand, ...profile.distance));
  const speed = between(rand, ...profile.speed);
  const moving = isYoga ? Math.round(between(rand, 1800, 3600)) : Math.round(distance / speed);
  const climb = round1((distance / 1000) * between(rand, ...profile.climbPerKm));
  const low = round1(between(rand, 2, 350));
  return {
    name: autoName(profile.sport, start, rand),
    sport_type: profile.sport,
    distance,
    moving_time: moving,
    elapsed_time: moving + Math.round(moving * between(rand, 0, profile.indoor ? 0.03 : 0.15)),
    total_elevation_gain: climb,
    start,
    timeZone,
    ...visibilityFields(visibility ?? (rand() < 0.08 ? 'only_me' : 'everyone')),
    achievement_count: rand() < 0.4 ? Math.floor(between(rand, 1, 7)) : 0,
    kudos_count: Math.floor(between(rand, 0, 26)),
    ...(rand() < 0.8 ? { heartrate: { average: round1(between(rand, 118, 162)), max: Math.round(between(rand, 165, 192)) } } : {}),
    max_speed: isYoga ? 0 : round1(speed * between(rand, profile.indoor ? 1.05 : 1.2, profile.indoor ? 1.2 : 1.8)),
    ...(profile.indoor ? {} : { elev: { low, high: round1(low + climb * between(rand, 0.2, 0.6)) } }),
    indoor: profile.indoor,
  };
}

function visibilityFields(visibility: SimVisibility): Pick<SimActivity, 'visibility' | 'private'> {
  return { visibility, private: visibility === 'only_me' };
}

/** A long history: `count` activities over `years`, every sport type, three visibilities, travel. */
export interface HistoryShape {
  count: number;
  years: number;
  /** The athlete's home zone (IANA), e.g. 'America/New_York'; some activities are recorded on trips elsewhere. */
  timeZone?: string;
  /** Weights of everyone, followers_only, only_me. */
  visibility?: [number, number, number];
}

const TRIP_ZONES = ['Asia/Tokyo', 'America/Los_Angeles', 'Australia/Sydney', 'Asia/Kolkata', 'Pacific/Auckland'];

/** Strava's SportType enum (developers.strava.com/docs/reference/#api-models-SportType). */
export const ALL_SPORT_TYPES = [
  'AlpineSki', 'BackcountrySki', 'Badminton', 'Canoeing', 'Crossfit', 'EBikeRide', 'Elliptical', 'EMountainBikeRide', 'Golf',
  'GravelRide', 'Handcycle', 'HighIntensityIntervalTraining', 'Hike', 'IceSkate', 'InlineSkate', 'Kayaking', 'Kitesurf',
  'MountainBikeRide', 'NordicSki', 'Pickleball', 'Pilates', 'Racquetball', 'Ride', 'RockClimbing', 'RollerSki', 'Rowing', 'Run',
  'Sail', 'Skateboard', 'Snowboard', 'Snowshoe', 'Soccer', 'Squash', 'StairStepper', 'StandUpPaddling', 'Surfing', 'Swim',
  'TableTennis', 'Tennis', 'TrailRun', 'Velomobile', 'VirtualRide', 'VirtualRow', 'VirtualRun', 'Walk', 'WeightTraining',
  'Wheelchair', 'Windsurf', 'Workout', 'Yoga',
] as const;

const NO_DISTANCE = new Set(['Crossfit', 'HighIntensityIntervalTraining', 'Pilates', 'WeightTraining', 'Workout', 'Yoga', 'RockClimbing', 'Badminton', 'Squash', 'Racquetball', 'TableTennis', 'Tennis', 'Pickleball']);

/** A plausible profile for any sport type: the tuned ones above, else a generic one. */
function profileFor(sportType: string): SportProfile {
  const known = PROFILES.find((profile) => profile.sport === sportType);
  if (known) return known;
  if (NO_DISTANCE.has(sportType)) return { sport: sportType, weight: 1, distance: [0, 0], speed: [1, 1], climbPerKm: [0, 0], indoor: true };
  const fast = /Ride|Ski|Velomobile|Handcycle|Skate|Kitesurf|Windsurf|Sail|Snowboard/.test(sportType);
  return { sport: sportType, weight: 1, distance: fast ? [8000, 60000] : [2000, 15000], speed: fast ? [4, 9] : [1.2, 3], climbPerKm: /Ski|Hike|Snow/.test(sportType) ? [10, 60] : [0, 8], indoor: false };
}

/** The athlete's activity log: seeded history plus whatever tests add. Ids grow with upload order. */
export class ActivityStore {
  readonly all: SimActivity[] = [];
  private lastId = 10_312_000_000;
  private readonly rand: () => number;
  /** The athlete's home zone: where added activities are recorded. */
  readonly timeZone: string;

  constructor(seed: number, now: number, count = 250, shape?: HistoryShape) {
    this.rand = seededRandom(seed);
    this.timeZone = shape?.timeZone ?? 'Europe/Oslo';
    if (shape) {
      this.generateHistory(now, shape);
      return;
    }
    const starts: number[] = [];
    for (let i = 0; i < count; i++) {
      // Spread over the past year; local day between 06:00 and 20:00.
      const day = Math.floor((now - 365 * DAY + ((i + this.rand()) * 365 * DAY) / count) / DAY) * DAY;
      let start = day + Math.round(between(this.rand, 6, 20) * 60) * 60_000 - HOUR;
      if (start >= now) start -= DAY;
      starts.push(start);
    }
    starts.sort((a, b) => a - b);
    for (const [index, start] of starts.entries()) {
      const activity = build(pickProfile(this.rand), start, this.rand);
      // Every 13th public one is for followers only (no draw: the seeded data stays as it was).
      this.push(activity.visibility === 'everyone' && index % 13 === 5 ? { ...activity, ...visibilityFields('followers_only') } : activity);
    }
  }

  /**
   * Years of activities: every sport type at least once, then weighted towards the common ones;
   * about one in 25 starts just before midnight, and the turns of weeks and years get activities
   * on both sides; one in 20 is recorded on a trip in another zone.
   */
  private generateHistory(now: number, shape: HistoryShape): void {
    const rand = this.rand;
    const weights = shape.visibility ?? [0.75, 0.12, 0.13];
    const span = shape.years * 365 * DAY;
    const starts: { start: number; zone: string }[] = [];
    for (let i = 0; i < shape.count; i++) {
      const zone = rand() < 0.05 ? pick(rand, TRIP_ZONES) : this.timeZone;
      const dayStart = now - span + ((i + rand()) * span) / shape.count;
      const localDay = Math.floor((dayStart + zoneOffsetSeconds(zone, dayStart) * 1000) / DAY) * DAY;
      const roll = rand();
      // Local wall-clock minute of the day: mostly 05:00–22:00, sometimes 23:30–23:59 or 00:00–00:30.
      const minute = roll < 0.04 ? Math.floor(between(rand, 23.5, 23.99) * 60) : roll < 0.07 ? Math.floor(between(rand, 0, 0.5) * 60) : Math.floor(between(rand, 5, 22) * 60);
      const wall = localDay + minute * 60_000 + Math.floor(rand() * 60) * 1000;
      let start = wall - zoneOffsetSeconds(zone, wall) * 1000;
      if (start > now - 60_000) start = now - 60_000 - Math.floor(rand() * DAY);
      starts.push({ start, zone });
    }
    // The turn of the current week and year, seen from the home zone: activities on both sides.
    const localNow = now + zoneOffsetSeconds(this.timeZone, now) * 1000;
    const midnight = Math.floor(localNow / DAY) * DAY;
    const monday = midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * DAY;
    const newYear = Date.UTC(new Date(localNow).getUTCFullYear(), 0, 1);
    for (const turn of [monday, newYear, monday - 7 * DAY]) {
      for (const offsetMin of [-20, -1, 0, 1, 25]) {
        const wall = turn + offsetMin * 60_000;
        const start = wall - zoneOffsetSeconds(this.timeZone, wall) * 1000;
        if (start < now - 60_000) starts.push({ start, zone: this.timeZone });
      }
    }
    starts.sort((a, b) => a.start - b.start);
    const everyType = [...ALL_SPORT_TYPES];
    for (const [index, { start, zone }] of starts.entries()) {
      const sportType = index < everyType.length ? everyType[index]! : rand() < 0.7 ? pickProfile(rand).sport : pick(rand, everyType);
      const roll = rand() * (weights[0] + weights[1] + weights[2]);
      const visibility: SimVisibility = roll < weights[0] ? 'everyone' : roll < weights[0] + weights[1] ? 'followers_only' : 'only_me';
      this.push(build(profileFor(sportType), start, rand, zone, visibility));
    }
  }

  private push(activity: Omit<SimActivity, 'id'>): number {
    this.lastId += Math.floor(between(this.rand, 1_000_000, 30_000_000));
    this.all.push({ ...activity, id: this.lastId });
    return this.lastId;
  }

  /** Edits an activity as the athlete would on strava.com (the list does not announce it). */
  edit(id: number, patch: Partial<Pick<SimActivity, 'name' | 'sport_type' | 'distance' | 'moving_time' | 'total_elevation_gain' | 'start' | 'visibility'>>): void {
    const activity = this.all.find((a) => a.id === id);
    if (!activity) throw new Error(`no activity ${id}`);
    Object.assign(activity, patch, patch.visibility ? visibilityFields(patch.visibility) : {});
  }

  delete(id: number): void {
    const index = this.all.findIndex((a) => a.id === id);
    if (index === -1) throw new Error(`no activity ${id}`);
    this.all.splice(index, 1);
  }

  add(a: { sport_type: string; distance: number; moving_time: number; total_elevation_gain?: number; start: number; private?: boolean; visibility?: SimVisibility; external_id?: string }): number {
    const indoor = a.sport_type.startsWith('Virtual') || a.sport_type === 'Swim';
    return this.push({
      name: autoName(a.sport_type, a.start, () => 0.99),
      sport_type: a.sport_type,
      distance: a.distance,
      moving_time: a.moving_time,
      elapsed_time: a.moving_time,
      total_elevation_gain: a.total_elevation_gain ?? 0,
      start: a.start,
      timeZone: this.timeZone,
      ...visibilityFields(a.visibility ?? (a.private ? 'only_me' : 'everyone')),
      achievement_count: 0,
      kudos_count: 0,
      max_speed: a.moving_time > 0 ? round1((a.distance / a.moving_time) * 1.3) : 0,
      indoor,
      ...(a.external_id !== undefined ? { external_id: a.external_id } : {}),
    });
  }
}

/** SummaryActivity as Strava's /athlete/activities returns it. */
export function summaryActivity(a: SimActivity, athleteId: number): Record<string, unknown> {
  const lat = 59.9 + ((a.id % 997) / 997) * 0.1;
  const lng = 10.7 + ((a.id % 991) / 991) * 0.1;
  const latlng = a.indoor ? [] : [Math.round(lat * 1e6) / 1e6, Math.round(lng * 1e6) / 1e6];
  return {
    resource_state: 2,
    athlete: { id: athleteId, resource_state: 1 },
    name: a.name,
    distance: a.distance,
    moving_time: a.moving_time,
    elapsed_time: a.elapsed_time,
    total_elevation_gain: a.total_elevation_gain,
    type: legacyType(a.sport_type),
    sport_type: a.sport_type,
    workout_type: null,
    id: a.id,
    start_date: isoSeconds(a.start),
    start_date_local: isoSeconds(a.start + zoneOffsetSeconds(a.timeZone, a.start) * 1000),
    timezone: a.timeZone === 'Europe/Oslo' ? TIMEZONE : zoneLabel(a.timeZone, zoneOffsetSeconds(a.timeZone, Date.UTC(new Date(a.start).getUTCFullYear(), 0, 1))),
    utc_offset: zoneOffsetSeconds(a.timeZone, a.start),
    location_city: null,
    location_state: null,
    location_country: 'Norway',
    achievement_count: a.achievement_count,
    kudos_count: a.kudos_count,
    comment_count: 0,
    athlete_count: 1,
    photo_count: 0,
    map: { id: `a${a.id}`, summary_polyline: a.indoor ? '' : '_p~iF~ps|U_ulLnnqC_mqNvxq`@', resource_state: 2 },
    trainer: a.indoor && a.sport_type !== 'Swim',
    commute: false,
    manual: false,
    private: a.private,
    visibility: a.visibility,
    flagged: false,
    gear_id: null,
    start_latlng: latlng,
    end_latlng: latlng,
    average_speed: a.moving_time > 0 ? Math.round((a.distance / a.moving_time) * 1000) / 1000 : 0,
    max_speed: a.max_speed,
    has_heartrate: a.heartrate !== undefined,
    ...(a.heartrate ? { average_heartrate: a.heartrate.average, max_heartrate: a.heartrate.max } : {}),
    heartrate_opt_out: false,
    display_hide_heartrate_option: a.heartrate !== undefined,
    ...(a.elev ? { elev_high: a.elev.high, elev_low: a.elev.low } : {}),
    upload_id: a.id + 1_000_000_000,
    upload_id_str: String(a.id + 1_000_000_000),
    external_id: a.external_id ?? `${a.id}.fit`,
    from_accepted_tag: false,
    pr_count: Math.min(a.achievement_count, 2),
    total_photo_count: 0,
    has_kudoed: false,
  };
}
