// electron-updater's errors, as one quiet line for the tray. Its messages can run to many lines
// (a stack, a whole releases feed, response headers), so none of that text is shown: each error is
// recognised by its code, HTTP status or Chromium net error and described in Pacebar's words.
import type { UpdateStep } from './updateService';

const STEP: Record<UpdateStep, string> = {
  check: 'Couldn’t check for updates',
  download: 'Couldn’t download the update',
  install: 'Couldn’t install the update',
};

// Chromium's net errors (electron-updater requests through Electron's net module) and Node's.
const OFFLINE = /net::ERR_(INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|NETWORK_CHANGED|NETWORK_ACCESS_DENIED|ADDRESS_UNREACHABLE|CONNECTION_(REFUSED|RESET|CLOSED|TIMED_OUT|FAILED|ABORTED)|TIMED_OUT|PROXY_CONNECTION_FAILED)|\b(ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN)\b/;

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** builder-util-runtime's HttpError has statusCode; wrapped ones keep "HttpError: 404" in the text. */
function httpStatusOf(error: unknown, text: string): number | null {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number') return status;
  const match = /HttpError: (\d{3})\b/.exec(text);
  return match ? Number(match[1]) : null;
}

function reason(error: unknown): string {
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  if (OFFLINE.test(text)) return 'you seem to be offline';
  const status = httpStatusOf(error, text);
  if (status === 403 || status === 429) return 'GitHub is limiting requests, try again later';
  if (status !== null && status >= 500) return `GitHub had a problem (HTTP ${status})`;
  switch (codeOf(error)) {
    case 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND':
    case 'ERR_UPDATER_NO_PUBLISHED_VERSIONS':
    case 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND':
      return 'no published release for this system was found';
    case 'ERR_UPDATER_INVALID_RELEASE_FEED':
    case 'ERR_UPDATER_INVALID_UPDATE_INFO':
    case 'ERR_UPDATER_INVALID_VERSION':
      return 'the release information could not be read';
    case 'ERR_UPDATER_ZIP_FILE_NOT_FOUND':
      return 'the release has no update file for this Mac';
    case 'ERR_CHECKSUM_MISMATCH':
      return 'the download was damaged (checksum mismatch)';
    case 'ERR_UPDATER_INVALID_SIGNATURE':
      return 'the download is not signed by Pacebar’s publisher';
  }
  // Squirrel.Mac refusing the update's code signature.
  if (/code ?signature/i.test(text)) return 'macOS refused the update’s signature';
  if (status !== null) return `GitHub answered HTTP ${status}`;
  return 'something went wrong (details are in the log)';
}

/** "Couldn’t check for updates: you seem to be offline" — one line, nothing from the raw error. */
export function describeUpdateError(error: unknown, step: UpdateStep): string {
  return `${STEP[step]}: ${reason(error)}`;
}
