// electron-updater's real error shapes (codes and messages as in node_modules/electron-updater/out and
// builder-util-runtime) become one line, with nothing of the raw text in it.
import { describe, expect, it } from 'vitest';
import { describeUpdateError } from '../../../main/update/updateErrors';

const coded = (message: string, code: string) => Object.assign(new Error(message), { code });
const http = (statusCode: number) => Object.assign(new Error(`${statusCode} \nHeaders: {"x-github-request-id":"ABC"}`), { name: 'HttpError', statusCode });

describe('describeUpdateError', () => {
  it.each([
    [new Error('net::ERR_INTERNET_DISCONNECTED'), 'Couldn’t check for updates: you seem to be offline'],
    [coded('Unable to find latest version on GitHub (https://github.com/pacebar/pacebar/releases/latest), please ensure a production release exists: Error: net::ERR_NAME_NOT_RESOLVED', 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND'), 'Couldn’t check for updates: you seem to be offline'],
    [coded('Unable to find latest version on GitHub (…), please ensure a production release exists: HttpError: 404 \n"method: GET url: …"', 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND'), 'Couldn’t check for updates: no published release for this system was found'],
    [coded('No published versions on GitHub', 'ERR_UPDATER_NO_PUBLISHED_VERSIONS'), 'Couldn’t check for updates: no published release for this system was found'],
    [coded('Cannot find latest-linux.yml in the latest release artifacts (…): HttpError: 404', 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND'), 'Couldn’t check for updates: no published release for this system was found'],
    [http(403), 'Couldn’t check for updates: GitHub is limiting requests, try again later'],
    [http(503), 'Couldn’t check for updates: GitHub had a problem (HTTP 503)'],
    [http(418), 'Couldn’t check for updates: GitHub answered HTTP 418'],
    [coded('Cannot parse releases feed: …,\nXML:\n<feed/>', 'ERR_UPDATER_INVALID_RELEASE_FEED'), 'Couldn’t check for updates: the release information could not be read'],
    [new Error('surprise\nwith a second line'), 'Couldn’t check for updates: something went wrong (details are in the log)'],
    ['a string', 'Couldn’t check for updates: something went wrong (details are in the log)'],
  ])('check: %s', (error, line) => {
    expect(describeUpdateError(error, 'check')).toBe(line);
  });

  it.each([
    [coded('sha512 checksum mismatch, expected a, got b', 'ERR_CHECKSUM_MISMATCH'), 'Couldn’t download the update: the download was damaged (checksum mismatch)'],
    [coded('New version 0.2.0 is not signed by the application owner: publisherNames: Pacebar', 'ERR_UPDATER_INVALID_SIGNATURE'), 'Couldn’t download the update: the download is not signed by Pacebar’s publisher'],
    [coded('ZIP file not provided: []', 'ERR_UPDATER_ZIP_FILE_NOT_FOUND'), 'Couldn’t download the update: the release has no update file for this Mac'],
    [new Error('Code signature at URL file:///…/Pacebar.app/ did not pass validation: code failed to satisfy specified code requirement(s)'), 'Couldn’t download the update: macOS refused the update’s signature'],
  ])('download: %s', (error, line) => {
    expect(describeUpdateError(error, 'download')).toBe(line);
  });

  it('is always one line and never repeats the raw message (URLs, headers, feeds)', () => {
    const raw = coded('Cannot parse releases feed: boom,\nXML:\n<feed><entry>https://github.com/x</entry></feed>\nHeaders: {"set-cookie":"a=b"}', 'ERR_UPDATER_INVALID_RELEASE_FEED');
    for (const step of ['check', 'download', 'install'] as const) {
      const line = describeUpdateError(raw, step);
      expect(line).not.toMatch(/\n|https?:|<feed|set-cookie/);
    }
  });
});
