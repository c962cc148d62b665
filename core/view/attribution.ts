// Garmin attribution. Since 1 November 2025 Strava's API agreement says: "if your application
// displays information derived from Garmin-sourced data, you must display attribution to Garmin in
// the form and manner required by Garmin's brand guidelines", which ask for "Garmin [device model]"
// (or "Garmin" when the model is unknown) next to the title of what shows that data, derived and
// combined figures included. Pacebar's totals and chart are derived from the athlete's activities,
// so the dashboard, the tray and the CLI show this one line whenever a Garmin-recorded activity is
// among those Pacebar has (README, "Garmin attribution", says how it knows and where it cannot).
import type { ActivityRecord } from '../domain';

/** At most this many device names are listed; more becomes plain "Garmin". */
const MAX_DEVICES = 2;

/** "Garmin Forerunner 965", "Garmin Edge 840, Garmin Forerunner 965", "Garmin", or null without Garmin data. */
export function garminAttribution(activities: readonly ActivityRecord[]): string | null {
  return garminAttributionOf(activities.map((activity) => activity.garminDevice).filter((device): device is string => device !== undefined));
}

/** The same, from the devices themselves (the history's digest keeps each device once). */
export function garminAttributionOf(devices: readonly string[]): string | null {
  if (devices.length === 0) return null;
  const named = [...new Set(devices.filter((device) => device.toLowerCase() !== 'garmin'))].sort();
  // A Garmin upload without a model, or many models: the brand alone, as the guidelines allow.
  if (named.length === 0 || named.length > MAX_DEVICES || named.length < new Set(devices).size) return 'Garmin';
  return named.join(', ');
}
