import { DAY, MINUTE } from './time';

const QUARTER = 15 * MINUTE;

export interface RateResult {
  headers: Record<string, string>;
  exceeded: boolean;
}

/**
 * Strava's two budgets (overall, and reads = GETs), each with a 15-minute window that resets on the
 * quarter hour and a daily one that resets at UTC midnight. Rejected requests still count.
 */
export class RateLimiter {
  private quarter = Number.NaN;
  private day = Number.NaN;
  private overall: [number, number] = [0, 0];
  private read: [number, number] = [0, 0];

  constructor(
    private readonly readLimits: [number, number],
    private readonly overallLimits: [number, number],
  ) {}

  private roll(now: number): void {
    const quarter = Math.floor(now / QUARTER);
    const day = Math.floor(now / DAY);
    if (quarter !== this.quarter) {
      this.quarter = quarter;
      this.overall[0] = 0;
      this.read[0] = 0;
    }
    if (day !== this.day) {
      this.day = day;
      this.overall[1] = 0;
      this.read[1] = 0;
    }
  }

  hit(now: number, isRead: boolean): RateResult {
    this.roll(now);
    this.overall[0]++;
    this.overall[1]++;
    if (isRead) {
      this.read[0]++;
      this.read[1]++;
    }
    const over = (usage: [number, number], limits: [number, number]) => usage[0] > limits[0] || usage[1] > limits[1];
    return {
      headers: {
        'X-RateLimit-Limit': this.overallLimits.join(','),
        'X-RateLimit-Usage': this.overall.join(','),
        'X-ReadRateLimit-Limit': this.readLimits.join(','),
        'X-ReadRateLimit-Usage': this.read.join(','),
      },
      exceeded: over(this.overall, this.overallLimits) || (isRead && over(this.read, this.readLimits)),
    };
  }
}
