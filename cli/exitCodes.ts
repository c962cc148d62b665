// Exit codes of `pacebar`, and how any error becomes one code and one secret-free line.
import { PacebarError, RateLimitedError, TokensUnreadableError } from '../core/errors';
import { machineUtcOffsetMinutes } from '../core/stats/weeklySummary';
import { rateLimitedText } from '../core/view/staleReason';

export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  notConnected: 3,
  reconnectNeeded: 4,
  unavailable: 5,
  /** Strava answers "Application Status Inactive": the API application's owner has no subscription. */
  applicationInactive: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the command raises itself: its message is already the line the user should read. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}

export const NOT_CONNECTED_MESSAGE = 'Not connected. Run: pacebar login';
export const NO_CREDENTIALS_MESSAGE = 'No Strava API application set up. Run: pacebar setup --client-id ID';
export const RECONNECT_MESSAGE = 'Strava access was revoked or has expired. Run: pacebar login';
export const UNREADABLE_MESSAGE = 'The Strava sign-in saved in the keychain is unreadable (a damaged record). Run: pacebar login';

/**
 * Errors after which cached data is still worth showing: Strava is unreachable (or refusing) right
 * now, through a proxy or a certificate that is not trusted too (the message says what to check).
 */
const TRANSIENT = new Set(['network', 'proxy', 'certificate', 'timeout', 'server', 'rate_limited', 'token_refused']);

export function isTransient(error: unknown): boolean {
  return error instanceof PacebarError && TRANSIENT.has(error.code);
}

export interface Failure {
  exitCode: ExitCode;
  message: string;
}

/** When "now" is and the user's time zone: times are said in it ("until 14:45"), never in UTC. */
export interface Moment {
  now: number;
  utcOffsetMinutes: (at: number) => number;
}

const machineMoment = (): Moment => ({ now: Date.now(), utcOffsetMinutes: machineUtcOffsetMinutes });

/** One line, whatever the error; engine messages are written secret-free, others are not repeated. */
export function describeFailure(error: unknown, moment: Moment = machineMoment()): Failure {
  if (error instanceof RateLimitedError) {
    return { exitCode: EXIT.unavailable, message: `${rateLimitedText(error.resetAt, moment.now, moment.utcOffsetMinutes)}; Pacebar asks again after that.` };
  }
  if (error instanceof CliError) return { exitCode: error.exitCode, message: oneLine(error.message) };
  if (error instanceof PacebarError) {
    switch (error.code) {
      case 'not_connected':
        return { exitCode: EXIT.notConnected, message: NOT_CONNECTED_MESSAGE };
      case 'no_credentials':
        return { exitCode: EXIT.notConnected, message: NO_CREDENTIALS_MESSAGE };
      case 'reconnect_needed':
        return { exitCode: EXIT.reconnectNeeded, message: error instanceof TokensUnreadableError ? UNREADABLE_MESSAGE : RECONNECT_MESSAGE };
      case 'invalid_input':
        return { exitCode: EXIT.usage, message: oneLine(error.message) };
      case 'app_inactive':
        return { exitCode: EXIT.applicationInactive, message: oneLine(error.message) };
      case 'network':
      case 'proxy':
      case 'certificate':
      case 'timeout':
      case 'server':
      case 'rate_limited':
      case 'token_refused':
        return { exitCode: EXIT.unavailable, message: oneLine(error.message) };
      default:
        return { exitCode: EXIT.failure, message: oneLine(error.message) };
    }
  }
  const name = error instanceof Error && /^[A-Za-z]{1,40}$/.test(error.name) ? ` (${error.name})` : '';
  return { exitCode: EXIT.failure, message: `Something unexpected went wrong${name}. Try again.` };
}

export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
