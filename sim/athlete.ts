import { isoSeconds } from './time';

// One athlete per sim. Unicode name and null city on purpose: clients must cope with both.
export const ATHLETE_ID = 28475601;

export function summaryAthlete(updatedAtMs: number): Record<string, unknown> {
  return {
    id: ATHLETE_ID,
    username: 'zoe_odegard',
    resource_state: 2,
    firstname: 'Zoë',
    lastname: 'Ødegård-Núñez',
    bio: 'Trail, gravel & the odd swim 🏊',
    city: null,
    state: null,
    country: 'Norway',
    sex: 'F',
    premium: true,
    summit: true,
    created_at: '2016-04-12T07:31:09Z',
    updated_at: isoSeconds(updatedAtMs),
    badge_type_id: 1,
    weight: 61.5,
    profile_medium: `https://dgalywyr863hv.cloudfront.net/pictures/athletes/${ATHLETE_ID}/medium.jpg`,
    profile: `https://dgalywyr863hv.cloudfront.net/pictures/athletes/${ATHLETE_ID}/large.jpg`,
    friend: null,
    follower: null,
  };
}

/** DetailedAthlete: what /athlete returns when the token carries profile:read_all. */
export function detailedAthlete(updatedAtMs: number): Record<string, unknown> {
  return {
    ...summaryAthlete(updatedAtMs),
    resource_state: 3,
    follower_count: 143,
    friend_count: 87,
    mutual_friend_count: 0,
    athlete_type: 1,
    date_preference: '%d.%m.%Y',
    measurement_preference: 'meters',
    ftp: null,
    weight: 61.5,
    clubs: [],
    bikes: [],
    shoes: [],
  };
}
